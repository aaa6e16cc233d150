import Foundation
import Model
import Planner
import Testing
import TestSupport
import TopocCLI
import Emitters

/// One spec compiled in memory: its topology, plan and whole output tree.
struct CompiledSpec: Sendable, CustomStringConvertible {
    /// Path relative to the repository, e.g. `Specs/ecs-demo.yaml`.
    let file: String
    let name: String
    let topology: Topology
    let plan: Plan
    let files: [OutputFile]

    var description: String { file }

    func file(_ path: String) -> OutputFile? { files.first { $0.path == path } }
    func text(_ path: String) -> String? { file(path).map { String(decoding: $0.bytes, as: UTF8.self) } }

    /// Every `hosts/*/setup.sh` and `workstation/setup.sh`.
    var scripts: [OutputFile] { files.filter { $0.path.hasSuffix("/setup.sh") } }
    /// Every installed systemd unit or drop-in, with its host.
    var units: [(host: String, file: OutputFile)] {
        files.compactMap { f in
            guard f.path.hasPrefix("hosts/"), f.path.contains("/files/etc/systemd/system/") else { return nil }
            return (String(f.path.split(separator: "/")[1]), f)
        }
    }
    /// Hosts (not the workstation) in plan order.
    var hosts: [String] { plan.hosts.filter { $0 != Plan.workstation } }
    /// The files installed on `host`, keyed by their path on the host (`etc/...`).
    func installedFiles(on host: String) -> [(path: String, file: OutputFile)] {
        let prefix = "hosts/\(host)/files/"
        return files.filter { $0.path.hasPrefix(prefix) }.map { (String($0.path.dropFirst(prefix.count)), $0) }
    }
}

enum ConformanceError: Error, CustomStringConvertible {
    case failed(String)
    var description: String { if case .failed(let s) = self { return s }; return "" }
}

/// The specs every check runs on: the seeds in Specs/ and the extra specs in
/// Tests/Specs/, compiled once per test process through `Pipeline`, exactly as
/// `topoc compile` compiles them.
enum Specs {
    static let directories = ["Specs", "Tests/Specs"]

    /// Repository-relative paths of every spec, sorted.
    static let paths: [String] = {
        var out: [String] = []
        for dir in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.url(dir).path)) ?? []
            out += names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(dir)/\($0)" }
        }
        return out
    }()

    /// Compiles YAML text; throws with the diagnostics when it has errors.
    static func compile(_ yaml: String, file: String = "<inline>") throws -> CompiledSpec {
        let checked = Pipeline.check(Array(yaml.utf8))
        guard let files = Pipeline.outputs(checked), let topology = checked.topology, let plan = checked.plan else {
            let errors = checked.diagnostics.filter { $0.severity == .error }.map { "\($0.rule): \($0.message)" }
            throw ConformanceError.failed("\(file) does not compile: \(errors)")
        }
        return CompiledSpec(file: file, name: topology.name.value, topology: topology, plan: plan, files: files)
    }

    /// Every spec, compiled (compiled once per process).
    static let all: [CompiledSpec] = paths.compactMap { path in
        guard let text = try? Repository.text(path) else { return nil }
        return try? compile(text, file: path)
    }

    static func named(_ name: String) throws -> CompiledSpec {
        guard let spec = all.first(where: { $0.name == name }) else { throw ConformanceError.failed("no compiled spec named \(name)") }
        return spec
    }
}

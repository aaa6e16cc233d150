import Foundation
import Planner
import TestSupport
import Testing

/// Every host's setup.sh run for real against a scratch root with stub system
/// commands: steps run in plan order, every file lands byte-identical to
/// hosts/<host>/files/, a second run changes nothing and calls nothing that
/// changes anything, and CentOS 7 stops for a reboot after grubby and then completes.
@Suite struct SetupScriptRunTests {
    final class Host {
        let spec: CompiledSpec
        let name: String
        let root: URL, state: URL, stubs: URL, shared: URL
        init(_ spec: CompiledSpec, _ name: String, in dir: URL, shared: URL) throws {
            self.spec = spec
            self.name = name
            root = dir.appendingPathComponent("\(name)/root")
            state = dir.appendingPathComponent("\(name)/state")
            stubs = dir.appendingPathComponent("\(name)/bin")
            self.shared = shared
            for d in [root, state, stubs] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
            try StubCommands.install(in: stubs)
            try Scratch.write(try #require(spec.file("hosts/\(name)/setup.sh")).bytes, to: dir.appendingPathComponent("\(name)/setup.sh"), executable: true)
        }

        var script: String { root.deletingLastPathComponent().appendingPathComponent("setup.sh").path }

        func run(_ arguments: [String] = []) throws -> Subprocess.Result {
            try Subprocess.run(["bash", script] + arguments, environment: [
                "PATH": "\(stubs.path):/usr/local/bin:/usr/bin:/bin", "TOPOC_ROOT": root.path, "TOPOC_WAIT_TIMEOUT": "3",
                "TOPOC_STUB_STATE": state.path, "TOPOC_STUB_SHARED": shared.path, "HOME": state.path, "LC_ALL": "C",
            ], replaceEnvironment: true)
        }

        var calls: [String] {
            ((try? String(contentsOf: state.appendingPathComponent("calls.log"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        /// Steps the run's log lines say it entered, in order.
        func stepsRun(_ output: String) -> [String] {
            output.split(separator: "\n").compactMap { line -> String? in
                let prefix = "topoc: \(name) "
                guard line.hasPrefix(prefix), line.contains(": phase ") else { return nil }
                return String(line.dropFirst(prefix.count).prefix { $0 != ":" })
            }
        }

        /// Path -> (modification time, bytes) of every file under the root.
        func snapshot() -> [String: (Date, Data)] {
            var out: [String: (Date, Data)] = [:]
            guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey]) else { return out }
            for case let url as URL in e {
                let v = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
                guard v?.isRegularFile == true else { continue }
                out[url.path] = (v?.contentModificationDate ?? .distantPast, (try? Data(contentsOf: url)) ?? Data())
            }
            return out
        }
    }

    /// The host whose plan seeds the overlay config runs first: the others wait for that key.
    static func hostOrder(_ spec: CompiledSpec) -> [String] {
        let seeder = spec.plan.steps.first { $0.actions.contains { if case .runOnce = $0 { return true } else { return false } } }?.host
        return spec.hosts.filter { $0 == seeder } + spec.hosts.filter { $0 != seeder }
    }

    @Test(.timeLimit(.minutes(2)), arguments: Specs.all)
    func setupRunsInPlanOrderInstallsTheFilesAndConverges(_ spec: CompiledSpec) throws {
        let dir = try Scratch.directory("setup")
        defer { Scratch.remove(dir) }
        let shared = dir.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        for name in Self.hostOrder(spec) {
            let host = try Host(spec, name, in: dir, shared: shared)
            let label = "\(spec.file) \(name)"
            let planSteps = spec.plan.steps(on: name).map { $0.name }
            let kernelArgs = spec.plan.steps(on: name).flatMap { $0.actions.compactMap { if case .kernelArguments(let a) = $0 { return a } else { return nil } } }.flatMap { $0 }
            var result = try host.run()
            if !kernelArgs.isEmpty {
                // CentOS 7: grubby, then exit 3 for a reboot; the rerun continues.
                #expect(result.status == 3, "\(label): \(result.output)")
                #expect(host.calls.contains { $0.hasPrefix("M grubby") }, "\(label): grubby not called")
                #expect(planSteps.starts(with: host.stepsRun(result.stdout)), "\(label): \(host.stepsRun(result.stdout))")
                #expect(FileManager.default.fileExists(atPath: host.root.appendingPathComponent("var/lib/topoc/reboot-required").path))
                try Scratch.write("BOOT_IMAGE=/vmlinuz ro \(kernelArgs.joined(separator: " "))\n", to: host.root.appendingPathComponent("proc/cmdline"))
                result = try host.run()
                #expect(!FileManager.default.fileExists(atPath: host.root.appendingPathComponent("var/lib/topoc/reboot-required").path), "\(label): reboot record left")
            }
            #expect(result.status == 0, "\(label): first run: \(result.output)")
            #expect(host.stepsRun(result.stdout) == planSteps, "\(label): ran \(host.stepsRun(result.stdout)), plan \(planSteps)")
            for file in spec.installedFiles(on: name) {
                let installed = try? Data(contentsOf: host.root.appendingPathComponent(file.path))
                #expect(installed == Data(file.file.bytes), "\(label): \(file.path) differs from hosts/\(name)/files/\(file.path)")
            }
            // Second run: nothing changes, nothing but queries is called.
            let before = host.snapshot(), callsBefore = host.calls.count
            let again = try host.run()
            #expect(again.status == 0, "\(label): second run: \(again.output)")
            let after = host.snapshot()
            #expect(Set(before.keys) == Set(after.keys), "\(label): files added or removed: \(Set(after.keys).symmetricDifference(before.keys))")
            for (path, (date, data)) in before {
                #expect(after[path]?.0 == date && after[path]?.1 == data, "\(label): \(path) changed on the second run")
            }
            let mutating = host.calls.dropFirst(callsBefore).filter { $0.hasPrefix("M ") }
            #expect(mutating.isEmpty, "\(label): second run changed things: \(mutating)")
            #expect(!again.stdout.contains("would run") && !again.stdout.contains("installed "), "\(label): \(again.stdout)")
        }
    }
}

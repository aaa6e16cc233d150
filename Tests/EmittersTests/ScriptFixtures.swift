import Diagnostics
import Foundation
import Model
import Planner
import Syntax
import Testing

/// Shared by the Script and Graph tests: seed specs, their plans, and running
/// the real tools (bash, shellcheck, dot) on what the emitters write.
enum ScriptFixtures {
    static let seeds = ["flannel-userns.yaml", "ecs-demo.yaml"]

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func topology(_ yaml: String) throws -> Topology {
        let parsed = YAMLParser.parse(SourceText(yaml))
        let (topology, diagnostics) = TopologyDecoder.decode(parsed.root)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(topology)
    }

    static func seed(_ file: String) throws -> (Topology, Plan) {
        let t = try topology(String(contentsOf: repositoryRoot.appendingPathComponent("Specs/" + file), encoding: .utf8))
        let (plan, diagnostics) = Planner.plan(t)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return (t, try #require(plan))
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a program (found on PATH) with `stdin` as its input.
    static func run(_ argv: [String], stdin: String = "", environment: [String: String]? = nil, in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = directory }
        let input = Pipe(), output = Pipe(), error = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = error
        try p.run()
        // Read both pipes on their own threads so a full pipe cannot block the child.
        nonisolated(unsafe) var out = Data(), err = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { out = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = error.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        p.waitUntilExit()
        group.wait()
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Writes an executable through a child process, so this (multi-threaded)
    /// test process never holds a write descriptor of it: a sibling test's fork
    /// could inherit one and make executing the file fail with "Text file busy".
    static func writeExecutable(_ text: String, to path: URL) throws {
        let r = try run(["sh", "-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh", path.path], stdin: text)
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func toolExists(_ name: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(name)"]).status) == 0
    }

    /// A fresh scratch directory.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

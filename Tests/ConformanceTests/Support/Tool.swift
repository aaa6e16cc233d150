import Foundation
import Testing

/// Running the real programs that consume topoc's outputs.
enum Tool {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        var output: String { stdout + stderr }
    }

    /// Runs `argv` (argv[0] looked up on PATH unless absolute). Output goes to
    /// files rather than pipes, so nothing blocks on a full pipe.
    @discardableResult
    static func run(_ argv: [String], stdin: String = "", environment: [String: String] = [:],
                    replaceEnvironment: Bool = false, in directory: URL? = nil) throws -> Result {
        let scratch = try Scratch.directory("run")
        defer { Scratch.remove(scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        process.environment = replaceEnvironment ? environment : ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let inURL = scratch.appendingPathComponent("in"), outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        try Data(stdin.utf8).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func exists(_ name: String) -> Bool {
        (try? run(["sh", "-c", "command -v \"$0\" >/dev/null", name]).status) == 0
    }

    /// The Python with botocore and PyYAML: scripts/test's venv, else python3.
    static var python: String {
        if let p = ProcessInfo.processInfo.environment["TOPOC_PYTHON"], !p.isEmpty { return p }
        return "python3"
    }

    /// Records a failure (not a silent pass) when a tool the check needs is missing.
    static func require(_ names: String...) -> Bool {
        let missing = names.filter { !exists($0) }
        if !missing.isEmpty { Issue.record("not installed: \(missing.joined(separator: ", ")) (scripts/test installs them)") }
        return missing.isEmpty
    }
}

/// Scratch directories under the system temporary directory, unique per use.
enum Scratch {
    static func directory(_ purpose: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-conf-\(purpose)-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    static func write(_ bytes: [UInt8], to url: URL, executable: Bool = false) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard executable else {
            try Data(bytes).write(to: url)
            return
        }
        // An executable is put in place by a child process, so this
        // multi-threaded test process never holds a write descriptor of it: a
        // sibling test's fork could inherit one and make running it fail with
        // "Text file busy".
        let source = URL(fileURLWithPath: url.path + ".source")
        try Data(bytes).write(to: source)
        let r = try Tool.run(["sh", "-c", "cp \"$1\" \"$2\" && chmod 755 \"$2\" && rm -f \"$1\"", "sh", source.path, url.path])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func write(_ text: String, to url: URL, executable: Bool = false) throws {
        try write(Array(text.utf8), to: url, executable: executable)
    }
}

import Foundation
import Testing
import Model
import Syntax
import Diagnostics
@testable import Emitters

/// Shared by the emitter tests: loading specs, running the real tools that
/// consume topoc's files, and scratch directories.
enum Support {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func topology(_ yaml: String) throws -> Topology {
        let parsed = YAMLParser.parse(SourceText(yaml))
        let (topology, diagnostics) = TopologyDecoder.decode(parsed.root)
        let errors = diagnostics.filter { $0.severity == .error }.map { $0.message }
        guard let topology, errors.isEmpty else {
            Issue.record("spec does not decode: \(errors)")
            throw SupportError.badSpec
        }
        return topology
    }

    static func seed(_ name: String) throws -> Topology {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Specs/\(name).yaml"), encoding: .utf8)
        return try topology(text)
    }

    enum SupportError: Error { case badSpec, toolMissing(String) }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutData: Data
    }

    /// Runs a program (looked up on PATH) with `stdin` fed to it.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], stdin: Data = Data(), environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        // Files rather than pipes: nothing can block on a full pipe, and no
        // state is shared with concurrently running code.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("in"), outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        try stdin.write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      stdoutData: outData)
    }

    static func hasTool(_ name: String) -> Bool {
        (try? run("sh", ["-c", "command -v \(name)"]).status) == 0
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topoc-emitters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL, executable: Bool = false) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
    }

    /// A unit's logical lines: continuation lines (ending in `\`) joined, as systemd reads them.
    static func logicalLines(_ unit: String) -> [String] {
        var lines: [String] = []
        var pending: String? = nil
        for raw in unit.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if let p = pending { line = p + " " + line.drop(while: { $0 == " " }) }
            if line.hasSuffix("\\") { pending = String(line.dropLast()).trimmingCharacters(in: .whitespaces); continue }
            pending = nil
            lines.append(line)
        }
        return lines
    }

    /// The value of the first `key=` line of a unit (after joining continuations).
    static func value(_ key: String, in unit: String) -> String? {
        logicalLines(unit).first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    static func values(_ key: String, in unit: String) -> [String] {
        logicalLines(unit).filter { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// The lines of a file that are not comments.
    static func settings(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }
}

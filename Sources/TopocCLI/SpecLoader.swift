import Checks
import Diagnostics
import Foundation
import Model
import Syntax

/// A spec read and checked by the front end and the linter.
struct LoadedSpec {
    let file: String
    let source: SourceText
    var diagnostics: [Diagnostic]
    let topology: Topology?

    var report: FileReport { FileReport(file: file, source: source, diagnostics: diagnostics) }
    var errorCount: Int { diagnostics.count { $0.severity == .error } }
    var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

struct ReadFailure: Error {
    let message: String
}

enum SpecLoader {
    /// Reads a whole file; directories, unreadable and missing files are
    /// reported (exit 2), never crash.
    static func readBytes(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadFailure(message: "cannot read '\(path)': no such file")
        }
        if isDirectory.boolValue { throw ReadFailure(message: "cannot read '\(path)': it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadFailure(message: "cannot read '\(path)': permission denied")
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit so an oversized file is reported without
            // loading all of it.
            let data = try handle.read(upToCount: ParseLimits.default.maxInputBytes + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw ReadFailure(message: "cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    /// Parses, decodes and lints one spec. Lint runs only on a spec that decoded
    /// without errors: checks over a half-understood spec would mislead.
    static func load(_ path: String, ignoring: [String]) throws -> LoadedSpec {
        let bytes = try readBytes(path)
        let source = SourceText(bytes: bytes)
        let parsed = YAMLParser.parse(source)
        var diagnostics = parsed.diagnostics
        var topology: Topology? = nil
        if !parsed.hasFatalError {
            let decoded = TopologyDecoder.decode(parsed.root)
            diagnostics += decoded.diagnostics
            topology = decoded.topology
            if let t = topology, !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics += Linter.lint(t, ignoring: ignoring)
            }
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        return LoadedSpec(file: path, source: source, diagnostics: diagnostics, topology: diagnostics.contains { $0.severity == .error } ? nil : topology)
    }
}

import Diagnostics
import Foundation
import Syntax

/// A spec file read and checked.
struct LoadedSpec {
    let file: String
    var checked: CheckedSpec

    var report: FileReport { FileReport(file: file, source: checked.source, diagnostics: checked.diagnostics) }
    var errorCount: Int { checked.errorCount }
    var warningCount: Int { checked.warningCount }
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

    static func load(_ path: String, ignoring: [String], plans: Bool = true) throws -> LoadedSpec {
        LoadedSpec(file: path, checked: Pipeline.check(try readBytes(path), ignoring: ignoring, plans: plans))
    }
}

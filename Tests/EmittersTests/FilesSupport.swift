import Foundation
import Testing
import Model
import Syntax
import Diagnostics
import TestSupport
@testable import Emitters

/// Shared by the emitter tests: loading specs and reading systemd units.
/// (Running the real tools and scratch directories: TestSupport.)
enum Support {
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
        try topology(Repository.text("Specs/\(name).yaml"))
    }

    enum SupportError: Error { case badSpec }

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

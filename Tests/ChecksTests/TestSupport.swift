import Diagnostics
import Foundation
import Model
import Syntax
import Testing
@testable import Checks

/// Three rocky9 hosts on one /24: a spec no rule complains about, to which each
/// test appends the sections it needs (so appended text starts at line 10).
let header = """
version: 1
name: t
defaults: {os: rocky9}
subnets:
  lan: {cidr: 10.0.6.0/24}
hosts:
  n1: {ifaces: {eth0: {subnet: lan, address: 10.0.6.11}}, devices: [/dev/sdb]}
  n2: {ifaces: {eth0: {subnet: lan, address: 10.0.6.12}}, devices: [/dev/sdb]}
  n3: {ifaces: {eth0: {subnet: lan, address: 10.0.6.13}}, devices: [/dev/sdb]}

"""

/// An external kvdb `px` and a Portworx section using it, with an optional
/// `hosts:` line and the given storage; ends with a newline.
func portworxSection(hosts: String = "", storage: String = "{all_devices: true}") -> String {
    """
    kvdbs:
      px: {engine: etcd, endpoints: ["http://10.0.6.50:2379"]}
    portworx:
      image: portworx/px-dev:2.13.0
      cluster_id: c
      kvdb: px
    \(hosts.isEmpty ? "" : "  hosts: \(hosts)\n")  storage: \(storage)

    """
}

/// Parses, decodes (which must succeed without diagnostics) and lints a spec.
func lint(_ yaml: String, ignoring: [String] = [], otherRuleNames: [String] = [],
          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
    let source = SourceText(yaml)
    let parsed = YAMLParser.parse(source)
    let decoded = TopologyDecoder.decode(parsed.root)
    #expect(parsed.diagnostics.isEmpty && decoded.diagnostics.isEmpty,
            "front end: \(parsed.diagnostics.map(\.message) + decoded.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    let topology = try #require(decoded.topology, sourceLocation: sourceLocation)
    return Linter.lint(topology, source: source, ignoring: ignoring, otherRuleNames: otherRuleNames)
}

/// Decodes a spec without linting, for tests of the derived facts.
func topology(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Topology {
    let decoded = TopologyDecoder.decode(YAMLParser.parse(SourceText(yaml)).root)
    #expect(decoded.diagnostics.isEmpty, "front end: \(decoded.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return try #require(decoded.topology, sourceLocation: sourceLocation)
}

/// Line and column of the `occurrence`-th appearance of `needle` in `text`, moved
/// `skip` characters right: tests say "the finding points at this value" instead
/// of counting columns by hand.
func at(_ needle: String, in text: String, occurrence: Int = 1, skip: Int = 0) -> Diagnostics.SourceLocation? {
    var seen = 0
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(line)
        var from = line.startIndex
        while let r = line.range(of: needle, range: from..<line.endIndex) {
            seen += 1
            if seen == occurrence {
                return Diagnostics.SourceLocation(line: i + 1, column: line.distance(from: line.startIndex, to: r.lowerBound) + 1 + skip)
            }
            from = r.upperBound
        }
    }
    return nil
}

extension Array where Element == Diagnostic {
    func of(_ rule: String) -> [Diagnostic] { filter { $0.rule == rule } }
}

/// Asserts exactly one finding of `rule`, with the rule's severity, at the
/// given line and column, and returns it for further checks.
@discardableResult
func expectOne(_ diagnostics: [Diagnostic], _ rule: String, _ severity: Severity, at location: Diagnostics.SourceLocation?,
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    let found = diagnostics.of(rule)
    #expect(found.count == 1, "expected one \(rule), got \(found.map { "\($0.location.line):\($0.location.column) \($0.message)" })", sourceLocation: sourceLocation)
    let d = try #require(found.first, sourceLocation: sourceLocation)
    let expected = try #require(location, "needle not found", sourceLocation: sourceLocation)
    #expect(d.severity == severity, sourceLocation: sourceLocation)
    #expect(d.location.line == expected.line && d.location.column == expected.column,
            "\(rule) at \(d.location.line):\(d.location.column), expected \(expected.line):\(expected.column)", sourceLocation: sourceLocation)
    #expect(Linter.rules.first { $0.name == rule }?.severity == severity, sourceLocation: sourceLocation)
    return d
}

/// Asserts a note at the given place.
func expectNote(_ d: Diagnostic, at location: Diagnostics.SourceLocation?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(d.notes.contains { n in n.location.map { $0.line == location?.line && $0.column == location?.column } ?? false },
            "notes \(d.notes.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }), expected \(location.map { "\($0.line):\($0.column)" } ?? "?")",
            sourceLocation: sourceLocation)
}

import Diagnostics
import Foundation
import Model
import Planner
import Syntax
import TestSupport
import Testing

/// Decodes a spec for the tests; a spec that does not decode fails the test.
func topology(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Topology {
    let parsed = YAMLParser.parse(SourceText(yaml))
    let (topology, diagnostics) = TopologyDecoder.decode(parsed.root)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return try #require(topology, sourceLocation: sourceLocation)
}

/// One of the seed specs in Specs/.
func seed(_ file: String) throws -> Topology {
    try topology(Repository.text("Specs/" + file))
}

func plan(_ t: Topology, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    let (plan, diagnostics) = Planner.plan(t)
    #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return try #require(plan, sourceLocation: sourceLocation)
}

extension Plan {
    func step(_ id: String) -> Step? { steps.first { $0.id == id } }
    func edge(_ from: String, _ to: String) -> Edge? { edges.first { $0.from == from && $0.to == to } }
    var ids: [String] { steps.map(\.id) }
}

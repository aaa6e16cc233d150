import Diagnostics
import Model

/// Lowers a checked topology into a `Plan`.
public enum Planner {
    public static let rules: [RuleDescriptor] = []

    /// The plan, or nil with a `dependency-cycle` diagnostic.
    public static func plan(_ topology: Topology) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        (Plan(name: topology.name.value, hosts: topology.hosts.map { $0.name.value }, steps: [], edges: []), [])
    }
}

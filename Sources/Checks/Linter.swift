import Diagnostics
import Model

/// Runs every lint rule over a decoded topology.
public enum Linter {
    /// Every lint rule, in the order `topoc explain` lists them.
    public static let rules: [RuleDescriptor] = []

    /// All findings of all rules, in report order.
    public static func lint(_ topology: Topology, ignoring: [String] = []) -> [Diagnostic] {
        []
    }
}

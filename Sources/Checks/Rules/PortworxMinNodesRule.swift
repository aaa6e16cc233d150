import Diagnostics
import Model

/// A Portworx cluster too small for quorum and replication.
enum PortworxMinNodesRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "portworx-min-nodes", severity: .warning,
        summary: "Portworx runs on fewer than 3 hosts.",
        explanation: """
        What: `portworx.hosts` resolves to 1 or 2 hosts.
        Why: Portworx requires at least 3 nodes: its cluster quorum and volume \
        replication (repl 2 or 3) need them, and with fewer a single failure takes \
        volumes offline.
        Fix: run Portworx on at least 3 hosts.
        Example: `hosts: [node1, node2]` -> `hosts: [node1, node2, node3]`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let p = c.topology.portworx else { return [] }
        let hosts = c.positions(p.hosts)
        guard hosts.count < 3 else { return [] }
        return [finding("Portworx runs on \(Phrases.count(hosts.count, "host")) (\(Phrases.list(c.names(hosts)))): it needs at least 3 for quorum and replicated volumes; add hosts",
                        at: p.hosts.location)]
    }
}

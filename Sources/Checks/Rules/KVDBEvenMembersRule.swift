import Diagnostics
import Model

/// An even member count that adds no fault tolerance.
enum KVDBEvenMembersRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-even-members", severity: .warning,
        summary: "A kvdb has an even number of members (4, 6, ...), no more tolerant than one fewer.",
        explanation: """
        What: a `run` kvdb lists an even number of members, 4 or more.
        Why: a cluster of n members tolerates (n - 1) / 2 failures, rounded down: 4 \
        tolerate 1 like 3, 6 tolerate 2 like 5. The extra member only adds a vote to \
        every write and one more machine that can fail (etcd FAQ).
        Fix: drop one member, or add one.
        Example: `members: [a, b, c, d]` -> `[a, b, c]` or `[a, b, c, d, e]`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.topology.kvdbs.compactMap { k in
            guard let r = k.runSpec, r.members.count >= 4, r.members.count % 2 == 0 else { return nil }
            let n = r.members.count
            return finding("kvdb '\(k.name.value)' has \(n) members: they tolerate \((n - 1) / 2) failure\((n - 1) / 2 == 1 ? "" : "s"), no more than \(n - 1) would, and every write waits for one more; use \(n - 1) or \(n + 1) members",
                           at: r.membersLocation)
        }
    }
}

import Diagnostics
import Model

/// More members than etcd recommends.
enum KVDBTooManyMembersRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-too-many-members", severity: .warning,
        summary: "A kvdb has more than 7 members.",
        explanation: """
        What: a `run` kvdb lists more than 7 members.
        Why: every write is replicated to a majority, so more members make writes slower \
        while adding little: etcd recommends 3, 5 or 7 members at most (etcd FAQ).
        Fix: keep 5 or 7 members; other hosts reach the cluster as clients.
        Example: members on all 12 hosts -> members on 5 of them.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.topology.kvdbs.compactMap { k in
            guard let r = k.runSpec, r.members.count > 7 else { return nil }
            return finding("kvdb '\(k.name.value)' has \(r.members.count) members: every write waits for \(r.members.count / 2 + 1) of them; etcd recommends at most 7 (5 or 7 members tolerate 2 or 3 failures)",
                           at: r.membersLocation)
        }
    }
}

import Diagnostics
import Model

/// A kvdb that cannot lose a member.
enum KVDBFaultToleranceRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-fault-tolerance", severity: .warning,
        summary: "A kvdb that topoc runs has 1 or 2 members and tolerates no failure.",
        explanation: """
        What: a `run` kvdb lists one or two members.
        Why: etcd needs a majority of members (n/2 + 1) to accept writes. With 1 member \
        that is 1, with 2 it is 2: losing any member stops the cluster, and with it \
        flannel leases or Portworx. Two members are no safer than one (etcd FAQ).
        Fix: run 3 members (tolerates 1 failure) or 5 (tolerates 2) on different hosts.
        Example: `members: [node1]` -> `members: [node1, node2, node3]`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.topology.kvdbs.compactMap { k in
            guard let r = k.runSpec, r.members.count <= 2 else { return nil }
            let n = r.members.count
            let who = n == 1 ? "1 member" : "2 members, which need both for a majority"
            return finding("kvdb '\(k.name.value)' has \(who): it tolerates no failure, and losing \(n == 1 ? "its host" : "either host") stops everything that uses it; run 3 members on different hosts",
                           at: r.membersLocation)
        }
    }
}

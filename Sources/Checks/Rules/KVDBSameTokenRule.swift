import Diagnostics
import Model

/// Two kvdbs bootstrapped with the same cluster token.
enum KVDBSameTokenRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-same-token", severity: .warning,
        summary: "Two kvdbs that topoc runs have the same initial-cluster token.",
        explanation: """
        What: two `run` kvdbs have the same `token` (by default each kvdb's name).
        Why: etcd derives cluster and member ids from the token and the member URLs. \
        Clusters that share a token can mistake each other's members for their own when \
        a URL is reused or misconfigured, and clustering docs say to give each cluster \
        its own token.
        Fix: give each kvdb its own token, or drop `token` to use the kvdb's name.
        Example: `token: etcd-cluster` on both -> remove both.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        let run = c.topology.kvdbs.compactMap { k in k.runSpec.map { (name: k.name.value, token: $0.token) } }
        return Repeats.find(count: run.count, key: { run[$0].token.value }).map { pair in
            let owner = run[pair.first], current = run[pair.repeat]
            return finding("kvdb '\(current.name)' has the initial-cluster token '\(current.token.value)' of kvdb '\(owner.name)': give each cluster its own token",
                           at: current.token.location,
                           notes: [Note("kvdb '\(owner.name)' uses token '\(owner.token.value)' here", at: owner.token.location)])
        }
    }
}

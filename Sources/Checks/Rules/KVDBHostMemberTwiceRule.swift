import Diagnostics
import Model

/// One host in two run: host kvdbs, which would share the distro's etcd.
enum KVDBHostMemberTwiceRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-host-member-twice", severity: .error,
        summary: "A host is a member of two run: host kvdbs.",
        explanation: """
        What: one host appears in the members of two kvdbs that both have `run: host`.
        Why: run: host uses the distribution's etcd package: a single etcd.service \
        reading a single /etc/etcd/etcd.conf. Two clusters on one host would overwrite \
        each other's configuration; only one would ever run.
        Fix: make one of them `run: container` (its own container, ports and data \
        directory), or move its member to another host.
        Example: flannel-etcd and px-etcd both `run: host` on node1 -> px-etcd \
        `run: container`, as in the guide.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        var firstKVDB: [String: (kvdb: String, entry: Located<String>)] = [:]
        var out: [Diagnostic] = []
        for k in c.topology.kvdbs {
            guard let r = k.runSpec, r.run.value == .host else { continue }
            for m in r.members {
                if let first = firstKVDB[m.value] {
                    out.append(finding("\(m.value) is already a member of kvdb '\(first.kvdb)', which also runs on the host: both would use the distribution's single etcd.service and /etc/etcd/etcd.conf; make kvdb '\(k.name.value)' run: container or choose another host",
                                       at: m.location, notes: [Note("\(m.value) is a member of kvdb '\(first.kvdb)' here", at: first.entry.location)]))
                } else {
                    firstKVDB[m.value] = (k.name.value, m)
                }
            }
        }
        return out
    }
}

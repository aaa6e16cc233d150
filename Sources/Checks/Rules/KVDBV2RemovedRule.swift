import Diagnostics
import Model
import Values

/// A v2-only client on an etcd that no longer serves v2.
enum KVDBV2RemovedRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-v2-removed", severity: .error,
        summary: "A v2 client (flannel 0.17 or older) uses an etcd of version 3.6 or later, which has no v2 API.",
        explanation: """
        What: the overlay runs flannel 0.17 or older, which speaks only etcd's v2 API, and \
        its kvdb is etcd 3.6 or newer. Also: `enable_v2: true` on etcd 3.6 or newer.
        Why: v2 and v3 are separate key spaces; 3.4 and 3.5 serve v2 only with \
        --enable-v2, and 3.6 removed it entirely. flanneld would find no config and no \
        leases and never start.
        Fix: run etcd 3.5 or older for that kvdb (topoc then turns v2 on), or flannel \
        0.18 or newer, which uses v3.
        Example: flannel "0.7.1" with kvdb version "3.6" -> version "3.5".
        """)

    static let removedIn = Version(major: 3, minor: 6)

    static func check(_ c: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let o = c.topology.overlay, o.usesEtcdV2, let k = c.topology.kvdb(named: o.kvdb.value),
           let v = k.version, v.value >= removedIn {
            out.append(finding("kvdb '\(k.name.value)' is etcd \(v.value), which has no v2 API, but the overlay's flannel \(o.version.value) speaks only v2: use etcd 3.5 or older, or flannel 0.18 or newer",
                               at: v.location, notes: [Note("the overlay runs flannel \(o.version.value) here", at: o.version.location)]))
        }
        for k in c.topology.kvdbs {
            guard let r = k.runSpec, let e = r.enableV2, e.value, let v = k.version, v.value >= removedIn else { continue }
            out.append(finding("enable_v2 cannot work on kvdb '\(k.name.value)': etcd \(v.value) removed the v2 API; use etcd 3.5 or older if a v2 client needs it",
                               at: e.location, notes: [Note("kvdb '\(k.name.value)' is etcd \(v.value) here", at: v.location)]))
        }
        return out
    }
}

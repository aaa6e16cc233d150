import Diagnostics
import Model

/// Portworx and flannel keep their state in the same etcd.
enum KVDBSharedWithOverlayRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-shared-with-overlay", severity: .error,
        summary: "Portworx uses the same kvdb as the overlay.",
        explanation: """
        What: `portworx.kvdb` names the same kvdb as `overlay.kvdb`.
        Why: the guide's premise: the overlay's etcd must be up before Docker's network \
        exists, while Portworx's etcd is a container on that network, and Portworx puts \
        heavy, critical load on its kvdb. Sharing one couples the storage cluster's \
        health to the SDN's and mixes both key spaces and their API versions.
        Fix: give Portworx its own kvdb (the guide runs px-etcd as a container on node1).
        Example: `portworx: {kvdb: flannel-etcd}` -> declare `px-etcd` and use it.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let p = c.topology.portworx, let o = c.topology.overlay, p.kvdb.value == o.kvdb.value else { return [] }
        return [finding("Portworx uses kvdb '\(p.kvdb.value)', which the overlay also uses: give Portworx a kvdb of its own so the storage cluster does not depend on the SDN's etcd",
                        at: p.kvdb.location, notes: [Note("the overlay uses kvdb '\(o.kvdb.value)' here", at: o.kvdb.location)])]
    }
}

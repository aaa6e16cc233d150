import Diagnostics
import Model
import Values

/// More overlay hosts than the overlay has per-host subnets for.
enum OverlayCapacityRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-capacity", severity: .error,
        summary: "The overlay network has fewer per-host subnets than there are overlay hosts.",
        explanation: """
        What: flannel leases each host one subnet of length subnet_len out of the overlay \
        network; it has 2^(subnet_len - prefix) - 1 of them (flannel skips the first).
        Why: a host that finds no free lease never gets a FLANNEL_SUBNET, so flanneld and \
        then Docker on it fail to start.
        Fix: raise subnet_len (more, smaller host subnets) or use a larger network.
        Example: 300 hosts on `network: 10.1.0.0/16` with `subnet_len: 24` (255 leases) \
        -> `subnet_len: 25` (511 leases of 126 container addresses each).
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let o = c.topology.overlay, OverlaySubnetLenRule.isValid(o) else { return [] }
        let prefix = o.network.value.prefix, len = o.subnetLen.value
        let capacity = (UInt64(1) << UInt64(len - prefix)) - 1
        let hosts = c.roles.count(of: .overlay)
        guard UInt64(hosts) > capacity else { return [] }
        var fix = "use a larger network"
        if let better = (len + 1...30).first(where: { (UInt64(1) << UInt64($0 - prefix)) - 1 >= UInt64(hosts) }) {
            fix = "raise subnet_len to \(better) (\((UInt64(1) << UInt64(better - prefix)) - 1) host subnets) or use a larger network"
        }
        let how = o.subnetLenIsDefault ? "the default subnet_len \(len)" : "subnet_len \(len)"
        return [finding("overlay network \(o.network.value) with \(how) has room for \(capacity) hosts (flannel skips the first /\(len)), but \(hosts) hosts are on the overlay: \(fix)",
                        at: o.subnetLen.location,
                        notes: [Note("the overlay's hosts are chosen here", at: o.hosts.location)])]
    }
}

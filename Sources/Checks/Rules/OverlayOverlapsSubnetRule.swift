import Diagnostics
import Model
import Values

/// The overlay network shares addresses with the hosts' own networks.
enum OverlayOverlapsSubnetRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-overlaps-subnet", severity: .error,
        summary: "The overlay network overlaps a subnet, a host address or a literal kvdb endpoint IP.",
        explanation: """
        What: `overlay.network` contains or overlaps a subnet's CIDR, an iface address, or \
        an IP written in an external kvdb's endpoint URL.
        Why: flannel routes the whole overlay network through flannel0/flannel.1 and each \
        host's docker0. Real addresses inside it become unreachable from containers and \
        hosts: the guide's own example etcd address 10.1.2.3 lies inside its overlay \
        10.1.0.0/16, so flanneld could not reach the etcd that configures it.
        Fix: pick an overlay range that no subnet, host or endpoint uses (the overlay is \
        the easier one to move: only flannel and Docker see it).
        Example: subnets in 10.0.0.0/16 and an endpoint http://10.1.2.3:2379 with \
        `network: 10.1.0.0/16` -> `network: 10.244.0.0/16`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let overlay = c.addresses.overlayNetwork else { return [] }
        let net = overlay.value
        let subnets = c.topology.subnets
        var out: [Diagnostic] = []
        var reportedSubnet = [Bool](repeating: false, count: subnets.count)
        for (i, s) in subnets.enumerated() where s.cidr.value.overlaps(net) {
            reportedSubnet[i] = true
            out.append(finding("overlay network \(net) overlaps subnet '\(s.name.value)' (\(s.cidr.value)): containers could not reach hosts on it; choose an overlay range no subnet uses",
                               at: overlay.location, notes: [Note("subnet '\(s.name.value)' is \(s.cidr.value) here", at: s.cidr.location)]))
        }
        // An address inside the overlay on a subnet that does not overlap it is
        // itself outside its subnet; report it still, it is unreachable either way.
        for a in c.addresses.ifaceAddresses where !reportedSubnet[a.subnet] && net.contains(a.address.value) {
            let host = c.topology.hosts[a.host]
            out.append(finding("overlay network \(net) contains \(host.name.value)'s address \(a.address.value) (iface \(host.ifaces[a.iface].name.value)): choose an overlay range that no host uses",
                               at: overlay.location, notes: [Note("\(host.name.value)'s address is \(a.address.value) here", at: a.address.location)]))
        }
        for e in c.addresses.endpointAddresses where net.contains(e.address) {
            out.append(finding("overlay network \(net) contains \(e.address), an endpoint of kvdb '\(e.kvdb)': flanneld and containers could not reach it; choose an overlay range that does not contain it",
                               at: overlay.location, notes: [Note("kvdb '\(e.kvdb)' has endpoint \(e.address) here", at: e.location)]))
        }
        return out
    }
}

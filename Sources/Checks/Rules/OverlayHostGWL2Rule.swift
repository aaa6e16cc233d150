import Diagnostics
import Model

/// host-gw across more than one subnet.
enum OverlayHostGWL2Rule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-host-gw-l2", severity: .error,
        summary: "The host-gw backend is used while the overlay hosts' flannel ifaces are on different subnets.",
        explanation: """
        What: `backend: host-gw` and the ifaces flanneld uses (overlay.iface, else each \
        host's primary iface) are not all on one subnet.
        Why: host-gw installs a route to each host's container subnet via that host's \
        address as the next hop, which only works when every host is directly reachable \
        on one L2 segment. Across a router the routes are refused or blackholed.
        Fix: `backend: vxlan`, which encapsulates and crosses routers, or put the overlay \
        hosts on one subnet.
        Example: node1, node2 on `rack1` and node3 on `rack2` with host-gw -> vxlan.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let o = c.topology.overlay, o.backend.value == .hostGW else { return [] }
        var subnets: [String] = []
        var hostsOn: [String: [String]] = [:]
        for h in c.positions(o.hosts) {
            let host = c.topology.hosts[h]
            guard let iface = c.flannelIface(of: host, o) else { continue }
            let s = iface.subnet.value
            if hostsOn[s] == nil { subnets.append(s) }
            hostsOn[s, default: []].append(host.name.value)
        }
        guard subnets.count > 1 else { return [] }
        let parts = subnets.map { "subnet '\($0)' (\(Phrases.list(hostsOn[$0] ?? [], limit: 3)))" }
        let notes = subnets.prefix(5).compactMap { s in
            c.topology.subnet(named: s).map { Note("subnet '\(s)' is \($0.cidr.value) here", at: $0.cidr.location) }
        }
        return [finding("host-gw needs every overlay host on one L2 segment, but flannel's ifaces are on \(Phrases.list(parts, limit: 4)): use backend: vxlan or put the overlay hosts on one subnet",
                        at: o.backend.location, notes: notes)]
    }
}

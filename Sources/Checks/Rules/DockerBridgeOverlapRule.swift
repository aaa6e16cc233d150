import Diagnostics
import Model
import Values

/// Docker's default bridge 172.17.0.0/16 shadows part of a host's subnet.
enum DockerBridgeOverlapRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "docker-bridge-overlap", severity: .warning,
        summary: "Docker's default bridge 172.17.0.0/16 overlaps a subnet of a Docker host that is not on the overlay.",
        explanation: """
        What: a host runs containers (a run: container kvdb member, Portworx, ECS) or has \
        its daemon configured, is not on the overlay, and one of its subnets overlaps \
        172.17.0.0/16.
        Why: without an overlay Docker gives docker0 172.17.0.1/16 and routes that whole \
        range to the bridge. Addresses of the subnet inside 172.17.0.0/16 become \
        unreachable from that host and its containers. On overlay hosts Docker's bridge \
        address comes from flannel's subnet.env instead, so they are not affected.
        Fix: keep host subnets out of 172.17.0.0/16, or put the hosts on the overlay.
        Example: `vpc: {cidr: 172.16.0.0/12}` on ECS hosts -> `172.31.0.0/16`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        let bridge = AddressPlan.dockerBridge
        let subnets = c.topology.subnets
        let overlapping = subnets.map { $0.cidr.value.overlaps(bridge) }
        guard overlapping.contains(true) else { return [] }
        var isBridgeHost = [Bool](repeating: false, count: c.topology.hosts.count)
        for h in c.addresses.dockerBridgeHosts { isBridgeHost[h] = true }
        var hostsBySubnet = [[Int]](repeating: [], count: subnets.count)
        for a in c.addresses.ifaceAddresses where isBridgeHost[a.host] && overlapping[a.subnet] {
            if hostsBySubnet[a.subnet].last != a.host { hostsBySubnet[a.subnet].append(a.host) }
        }
        return subnets.indices.compactMap { s in
            guard !hostsBySubnet[s].isEmpty else { return nil }
            let subnet = subnets[s]
            let hosts = c.names(hostsBySubnet[s])
            return finding("subnet '\(subnet.name.value)' (\(subnet.cidr.value)) overlaps Docker's default bridge \(bridge) on \(Phrases.hosts(hosts)), which are not on the overlay: addresses of the subnet in \(bridge) are unreachable from those hosts and their containers; keep the subnet out of \(bridge) or put the hosts on the overlay",
                           at: subnet.cidr.location)
        }
    }
}

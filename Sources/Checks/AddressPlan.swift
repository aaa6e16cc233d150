import Diagnostics
import Model
import Values

/// An address written on one iface of one host.
struct IfaceAddress: Sendable {
    /// Position of the host in `topology.hosts`.
    var host: Int
    /// Position of the iface in the host's `ifaces`.
    var iface: Int
    var address: Located<IPAddress>
    /// Position of the iface's subnet in `topology.subnets`.
    var subnet: Int
}

/// A literal IP written in an external kvdb's endpoint URL.
struct EndpointAddress: Sendable {
    var kvdb: String
    var address: IPAddress
    var location: SourceLocation
}

/// The address space of a spec in one place: subnets, iface addresses,
/// gateways, the overlay network, Docker's default bridge where it exists and
/// literal endpoint IPs. Network rules read these lists instead of walking the
/// topology themselves.
struct AddressPlan: Sendable {
    /// Docker's default bridge network (docker0) when the daemon picks it.
    static let dockerBridge = CIDR(containing: .v4(IPv4Address(value: 0xAC11_0000)), prefix: 16)

    /// Every iface address, in file order.
    let ifaceAddresses: [IfaceAddress]
    /// Each subnet's range by position, so a check per address reads a CIDR
    /// instead of copying the whole subnet.
    let subnetCIDRs: [CIDR]
    /// Per subnet, the addresses `reservedRole` names, with their roles: a
    /// check per address compares instead of deriving them again.
    let reservedAddresses: [[(address: IPAddress, role: String)]]
    /// Subnets' gateways: subnet position and address.
    let gateways: [(subnet: Int, address: Located<IPAddress>)]
    let overlayNetwork: Located<CIDR>?
    /// Hosts whose docker0 takes 172.17.0.0/16: they run containers or have
    /// their daemon configured, and are not on the overlay (where flannel
    /// hands Docker its bridge address instead). Empty when no subnet overlaps
    /// 172.17.0.0/16, the only case in which it matters.
    let dockerBridgeHosts: [Int]
    let endpointAddresses: [EndpointAddress]

    init(_ t: Topology, roles: HostRoleTable) {
        var subnetIndex: [String: Int] = [:]
        for (i, s) in t.subnets.enumerated() where subnetIndex[s.name.value] == nil { subnetIndex[s.name.value] = i }
        var addresses: [IfaceAddress] = []
        addresses.reserveCapacity(t.hosts.count)
        // Fleets put host after host on the same subnet: the last name looked
        // up is compared first, which spares hashing it again.
        var last: (name: String, subnet: Int)? = nil
        for h in t.hosts.indices {
            let ifaces = t.hosts[h].ifaces
            for i in ifaces.indices {
                let name = ifaces[i].subnet.value
                let s: Int
                if let l = last, l.name == name {
                    s = l.subnet
                } else {
                    guard let found = subnetIndex[name] else { continue }
                    s = found
                    last = (name, found)
                }
                addresses.append(IfaceAddress(host: h, iface: i, address: ifaces[i].address, subnet: s))
            }
        }
        // Only a subnet that overlaps the bridge can be shadowed by it.
        var bridgeHosts: [Int] = []
        if t.subnets.contains(where: { $0.cidr.value.overlaps(AddressPlan.dockerBridge) }) {
            for h in t.hosts.indices {
                let r = roles[h]
                if (roles.runsContainers(at: h) || r.contains(.dockerConfigured)) && !r.contains(.overlay) { bridgeHosts.append(h) }
            }
        }
        ifaceAddresses = addresses
        subnetCIDRs = t.subnets.map { $0.cidr.value }
        // The network address is asked first, as reservedRole does.
        reservedAddresses = subnetCIDRs.map { cidr in
            [cidr.network, cidr.last].compactMap { a in AddressPlan.reservedRole(of: a, in: cidr).map { (a, $0) } }
        }
        gateways = t.subnets.enumerated().compactMap { i, s in s.gateway.map { (i, $0) } }
        overlayNetwork = t.overlay?.network
        dockerBridgeHosts = bridgeHosts
        var endpoints: [EndpointAddress] = []
        for k in t.kvdbs {
            guard let e = k.externalSpec else { continue }
            for u in e.endpoints {
                if let a = u.value.address { endpoints.append(EndpointAddress(kvdb: k.name.value, address: a, location: u.location)) }
            }
        }
        endpointAddresses = endpoints
    }

    /// The addresses of a subnet that no host may use: the IPv4 network and
    /// broadcast addresses (except on /31 and /32 point-to-point links, RFC
    /// 3021), the IPv6 subnet-router anycast address (except on /127 and /128,
    /// RFC 6164).
    static func reservedRole(of address: IPAddress, in cidr: CIDR) -> String? {
        if cidr.isV4 {
            guard cidr.prefix < 31 else { return nil }
            if address == cidr.network { return "network address" }
            if address == cidr.last { return "broadcast address" }
        } else {
            guard cidr.prefix < 127 else { return nil }
            if address == cidr.network { return "subnet-router anycast address" }
        }
        return nil
    }
}

import Diagnostics
import Model
import Values

/// An iface address that is its subnet's network or broadcast address.
enum AddressReservedRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "address-reserved", severity: .error,
        summary: "An iface address is its subnet's network or broadcast address (IPv6: subnet-router anycast).",
        explanation: """
        What: the address is the first address of its IPv4 subnet (the network address) \
        or the last (the broadcast address); for IPv6, the first (the subnet-router \
        anycast address, RFC 4291 2.6.1). /31 and /32 (RFC 3021) and IPv6 /127 and /128 \
        (RFC 6164) are point-to-point and have no reserved addresses.
        Why: packets to the broadcast address go to every host of the segment, the \
        network address is refused by many stacks, and the anycast address belongs to \
        the routers: a host given one of them is unreachable or disruptive.
        Fix: use another address of the subnet.
        Example: `lan: {cidr: 10.0.6.0/24}` with `address: 10.0.6.255` -> `10.0.6.25`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.addresses.ifaceAddresses.compactMap { a in
            // A reserved address is in its subnet, so equality says it all.
            let reserved = c.addresses.reservedAddresses[a.subnet]
            guard !reserved.isEmpty, let role = reserved.first(where: { $0.address == a.address.value })?.role else { return nil }
            let subnet = c.topology.subnets[a.subnet]
            let host = c.topology.hosts[a.host]
            return finding("address \(a.address.value) of \(host.name.value)'s iface \(host.ifaces[a.iface].name.value) is the \(role) of subnet '\(subnet.name.value)' (\(subnet.cidr.value)): no host may use it; pick another address",
                           at: a.address.location,
                           notes: [Note("subnet '\(subnet.name.value)' is \(subnet.cidr.value) here", at: subnet.cidr.location)])
        }
    }
}

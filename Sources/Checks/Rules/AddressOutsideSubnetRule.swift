import Diagnostics
import Model
import Values

/// An iface address that is not inside the subnet the iface is on.
enum AddressOutsideSubnetRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "address-outside-subnet", severity: .error,
        summary: "An iface's address is not inside its subnet's CIDR.",
        explanation: """
        What: an iface says `subnet: lan` but its address lies outside lan's CIDR.
        Why: the kernel derives the on-link route from address and prefix; an address \
        outside the subnet cannot reach its neighbours without a router, and every \
        listener and endpoint topoc derives from it would point at the wrong network.
        Fix: correct the address (usually a typo in one octet) or the iface's subnet.
        Example: `lan: {cidr: 10.0.6.0/24}` and `address: 10.0.7.234` -> `10.0.6.234`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.addresses.ifaceAddresses.compactMap { a in
            guard !c.addresses.subnetCIDRs[a.subnet].contains(a.address.value) else { return nil }
            let subnet = c.topology.subnets[a.subnet]
            let host = c.topology.hosts[a.host]
            return finding("address \(a.address.value) of \(host.name.value)'s iface \(host.ifaces[a.iface].name.value) is outside its subnet '\(subnet.name.value)' (\(subnet.cidr.value)): use an address in \(subnet.cidr.value) or the right subnet",
                           at: a.address.location,
                           notes: [Note("subnet '\(subnet.name.value)' is \(subnet.cidr.value) here", at: subnet.cidr.location)])
        }
    }
}

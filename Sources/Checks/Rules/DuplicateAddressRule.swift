import Diagnostics
import Model
import Values

/// One address on two ifaces.
enum DuplicateAddressRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "duplicate-address", severity: .error,
        summary: "The same address is given to two ifaces.",
        explanation: """
        What: two ifaces (of two hosts, or of one) have the same address.
        Why: the hosts fight over the address through ARP/neighbour discovery; traffic \
        meant for one, including etcd peer and Portworx traffic, reaches the other.
        Fix: give every iface its own address.
        Example: node2 copied from node1 with `address: 10.0.6.234` -> `10.0.6.235`.
        """)

    /// Sorted by address (ties in file order), equal addresses are adjacent:
    /// each repeat is reported once, against the first iface that has it.
    static func check(_ c: LintContext) -> [Diagnostic] {
        let list = c.addresses.ifaceAddresses
        return Repeats.find(count: list.count, key: { list[$0].address.value }).map { pair in
            let owner = list[pair.first], current = list[pair.repeat]
            let ownerHost = c.topology.hosts[owner.host], host = c.topology.hosts[current.host]
            let ownerIface = ownerHost.ifaces[owner.iface].name.value
            let who = owner.host == current.host ? "\(host.name.value)'s iface \(ownerIface)" : "\(ownerHost.name.value)'s (iface \(ownerIface))"
            return finding("address \(current.address.value) of \(host.name.value)'s iface \(host.ifaces[current.iface].name.value) is already \(who): give every iface its own address",
                           at: current.address.location,
                           notes: [Note("\(ownerHost.name.value) has \(owner.address.value) here", at: owner.address.location)])
        }
    }
}

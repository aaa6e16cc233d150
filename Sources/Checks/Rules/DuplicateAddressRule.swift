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
        let order = list.indices.sorted { a, b in
            list[a].address.value != list[b].address.value ? list[a].address.value < list[b].address.value : a < b
        }
        var out: [Diagnostic] = []
        var first = 0
        for k in order.indices.dropFirst() {
            let previous = list[order[k - 1]], current = list[order[k]]
            if previous.address.value != current.address.value { first = k; continue }
            let owner = list[order[first]]
            let ownerHost = c.topology.hosts[owner.host], host = c.topology.hosts[current.host]
            let who = owner.host == current.host ? "\(host.name.value)'s iface \(ownerHost.ifaces[owner.iface].name.value)" : "\(ownerHost.name.value)'s (iface \(ownerHost.ifaces[owner.iface].name.value))"
            out.append(finding("address \(current.address.value) of \(host.name.value)'s iface \(host.ifaces[current.iface].name.value) is already \(who): give every iface its own address",
                               at: current.address.location,
                               notes: [Note("\(ownerHost.name.value) has \(owner.address.value) here", at: owner.address.location)]))
        }
        return out
    }
}

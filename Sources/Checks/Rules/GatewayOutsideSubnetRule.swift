import Diagnostics
import Model
import Values

/// A subnet's gateway that hosts on it could not use.
enum GatewayOutsideSubnetRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "gateway-outside-subnet", severity: .error,
        summary: "A subnet's gateway is outside its CIDR, or is its network or broadcast address.",
        explanation: """
        What: `gateway` does not lie inside the subnet's `cidr`, or is the subnet's \
        network or broadcast address (IPv6: its subnet-router anycast address).
        Why: a default route must point at a neighbour on the link; a gateway off the \
        subnet is unreachable (`ip route` refuses it: "Nexthop has invalid gateway") and \
        a reserved address is no single router.
        Fix: use the router's address on this subnet, often the first usable one.
        Example: `{cidr: 10.0.6.0/24, gateway: 10.0.0.1}` -> `gateway: 10.0.6.1`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.addresses.gateways.compactMap { g in
            let subnet = c.topology.subnets[g.subnet]
            let cidr = subnet.cidr.value
            let note = [Note("subnet '\(subnet.name.value)' is \(cidr) here", at: subnet.cidr.location)]
            if !cidr.contains(g.address.value) {
                return finding("gateway \(g.address.value) of subnet '\(subnet.name.value)' is outside \(cidr): hosts on it could not reach their router; use the router's address in \(cidr)",
                               at: g.address.location, notes: note)
            }
            if let role = AddressPlan.reservedRole(of: g.address.value, in: cidr) {
                return finding("gateway \(g.address.value) of subnet '\(subnet.name.value)' is its \(role), which no router can have; use the router's address in \(cidr)",
                               at: g.address.location, notes: note)
            }
            return nil
        }
    }
}

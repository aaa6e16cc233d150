import Diagnostics
import Model
import Values

/// A per-host subnet length that flannel refuses.
enum OverlaySubnetLenRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "overlay-subnet-len", severity: .error,
        summary: "The overlay's subnet_len is shorter than the network's prefix + 2 or longer than 30.",
        explanation: """
        What: flannel accepts a SubnetLen from the network's prefix + 2 up to 30. Left \
        out, it is 24 for networks of /22 or shorter and prefix + 2 for longer ones.
        Why: flannel refuses any other value at start-up (below prefix + 2 the network \
        holds too few host subnets; above 30 a host subnet has no room for containers), \
        so no host of the overlay would get a subnet.
        Fix: choose a subnet_len in range, or a shorter network when the default is \
        already out of range.
        Example: `network: 10.1.0.0/16, subnet_len: 15` -> `subnet_len: 24`.
        """)

    static func isValid(_ o: Overlay) -> Bool {
        o.subnetLen.value >= o.network.value.prefix + 2 && o.subnetLen.value <= 30
    }

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let o = c.topology.overlay, !isValid(o) else { return [] }
        let prefix = o.network.value.prefix, len = o.subnetLen.value
        if o.subnetLenIsDefault {
            return [finding("overlay network \(o.network.value) is too small for flannel: its default subnet_len would be \(len), and flannel needs one from prefix + 2 up to 30; use a network of /28 or shorter",
                            at: o.network.location)]
        }
        let bound = len > 30 ? "at most 30" : "at least \(prefix + 2) (the network's prefix + 2)"
        return [finding("subnet_len \(len) must be \(bound) for overlay network \(o.network.value): flannel refuses it at start-up",
                        at: o.subnetLen.location,
                        notes: [Note("the overlay network is \(o.network.value) here", at: o.network.location)])]
    }
}

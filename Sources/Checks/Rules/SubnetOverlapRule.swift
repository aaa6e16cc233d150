import Diagnostics
import Model
import Values

/// Two subnets share addresses.
enum SubnetOverlapRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "subnet-overlap", severity: .error,
        summary: "Two subnets share addresses.",
        explanation: """
        What: the CIDR of one subnet contains (or equals) another's.
        Why: each subnet is an L2/L3 network with its own route. Overlapping ranges make \
        a host's routing ambiguous (the longer prefix silently wins) and let the same \
        address be handed out on two networks.
        Fix: give each subnet a range of its own; if the two are really one network, \
        declare it once and put the hosts' ifaces on it.
        Example: `lan: {cidr: 10.0.6.0/24}` and `storage: {cidr: 10.0.6.128/25}` -> \
        `storage: {cidr: 10.0.7.0/24}`.
        """)

    /// Sort-and-sweep: CIDRs either nest or are disjoint, so after sorting by
    /// network and prefix the ranges that contain the current one form the
    /// bottom of a stack of nested ranges. Each subnet is reported once, against
    /// the innermost subnet that contains it.
    static func check(_ c: LintContext) -> [Diagnostic] {
        let subnets = c.topology.subnets
        let order = subnets.indices.sorted { a, b in
            let x = subnets[a].cidr.value, y = subnets[b].cidr.value
            return x != y ? x < y : a < b
        }
        var stack: [Int] = []
        var out: [Diagnostic] = []
        for i in order {
            let cidr = subnets[i].cidr.value
            while let top = stack.last, !subnets[top].cidr.value.contains(cidr) { stack.removeLast() }
            if let outer = stack.last { out.append(report(subnets[outer], subnets[i])) }
            stack.append(i)
        }
        return out
    }

    private static func report(_ outer: Subnet, _ inner: Subnet) -> Diagnostic {
        let (later, earlier) = outer.cidr.location < inner.cidr.location ? (inner, outer) : (outer, inner)
        let relation: String
        if outer.cidr.value == inner.cidr.value { relation = "is the same network as" }
        else if later.name.value == inner.name.value { relation = "lies inside" }
        else { relation = "contains" }
        return finding("subnet '\(later.name.value)' (\(later.cidr.value)) \(relation) subnet '\(earlier.name.value)' (\(earlier.cidr.value)): give each subnet its own range",
                       at: later.cidr.location,
                       notes: [Note("subnet '\(earlier.name.value)' is \(earlier.cidr.value) here", at: earlier.cidr.location)])
    }
}

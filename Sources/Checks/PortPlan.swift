import Diagnostics
import Model
import Values

/// One listening socket (or a contiguous run of them) that a component opens on
/// a host. A fleet has millions of these, so each is 28 bytes of plain integers:
/// who listens, the address and the spec value that put it there are indexes
/// into the plan's small tables (see `PortPlan.name`, `address(of:)`,
/// `location(of:)`), and ports fit 32 bits (the decoder keeps them in 1...65535).
struct PortBinding: Sendable {
    private(set) var hostIndex: Int32
    let componentIndex: Int32
    let low: Int32
    let high: Int32
    /// Index into `PortPlan.sites`, or `PortPlan.hostNameSite` for the host's name.
    let site: Int32
    /// Index into `PortPlan.addresses`, or `PortPlan.allAddresses` for every
    /// address of the host (0.0.0.0 / ::), which overlaps any other.
    let addressSlot: Int32
    let proto: PortProtocol

    init(host: Int, component: Int, proto: PortProtocol, ports: ClosedRange<Int>, site: Int32, addressSlot: Int32) {
        hostIndex = Int32(clamping: host)
        componentIndex = Int32(clamping: component)
        low = Int32(clamping: ports.lowerBound)
        high = Int32(clamping: ports.upperBound)
        self.site = site
        self.addressSlot = addressSlot
        self.proto = proto
    }

    /// The same binding on another host.
    func on(host: Int) -> PortBinding {
        var b = self
        b.hostIndex = Int32(clamping: host)
        return b
    }

    /// Position of the host in `topology.hosts`.
    var host: Int { Int(hostIndex) }
    /// Index into `PortPlan.components`: who listens.
    var component: Int { Int(componentIndex) }
    var ports: ClosedRange<Int> { Int(low)...Int(high) }

    /// Addresses are deduplicated, so equal slots are equal addresses.
    func overlapsAddress(of other: PortBinding) -> Bool {
        addressSlot == PortPlan.allAddresses || other.addressSlot == PortPlan.allAddresses || addressSlot == other.addressSlot
    }
}

/// Two bindings of one host that want the same port, protocol and address.
/// `earlier` is the one written first in the spec.
struct BindingClash: Sendable {
    var earlier: PortBinding
    var later: PortBinding
    var earlierLocation: SourceLocation
    var laterLocation: SourceLocation
    /// The ports both want.
    var ports: ClosedRange<Int>
}

/// Every port every component binds on every host, derived from the spec by the
/// port map of DOMAIN.md. Bindings are made host by host and sorted by protocol
/// and first port within a host, so conflicts are found by one sweep per host
/// rather than by comparing all pairs.
struct PortPlan: Sendable {
    /// Grouped by host position in file order; within a host sorted by
    /// protocol, first port, then spec order.
    let bindings: [PortBinding]
    /// Who listens, as messages name it: "kvdb 'px-etcd' client port".
    let components: [String]
    /// The spec values that put bindings in place (one per value, not per host).
    let sites: [SourceLocation]
    /// The specific addresses bindings use, each once.
    let addresses: [IPAddress]
    /// sshd's bindings point at each host's name, read from here.
    private let hosts: [Host]

    static let sshd = "sshd (assumed on every host)"
    static let loopback = IPAddress.v4(IPv4Address(value: 0x7f00_0001))
    static let allAddresses: Int32 = -1
    static let hostNameSite: Int32 = -1

    init(_ t: Topology, roles: HostRoleTable) {
        var builder = PortPlanBuilder(t)
        builder.build(roles)
        bindings = builder.bindings
        components = builder.components
        sites = builder.sites
        addresses = builder.addresses
        hosts = t.hosts
    }

    func name(_ b: PortBinding) -> String { components[b.component] }

    /// The spec value that put `b` in place.
    func location(of b: PortBinding) -> SourceLocation {
        b.site == PortPlan.hostNameSite ? hosts[b.host].name.location : sites[Int(b.site)]
    }

    /// nil = every address of the host.
    func address(of b: PortBinding) -> IPAddress? {
        b.addressSlot == PortPlan.allAddresses ? nil : addresses[Int(b.addressSlot)]
    }

    /// "10.0.6.234" or "all addresses"; in a finding that names several hosts,
    /// "each host's address" for a host's own address, since one host's would
    /// be wrong for the others.
    func addressText(_ b: PortBinding, hostCount: Int = 1) -> String {
        guard let a = address(of: b) else { return "all addresses" }
        return hostCount > 1 && !a.isLoopback ? "each host's address" : a.description
    }

    /// Each binding whose protocol, ports and address overlap a binding that
    /// sorts before it on the same host, paired with that one; found by a sweep
    /// over each (host, protocol) run of the sorted list that keeps only the
    /// bindings still open at the current port.
    func clashes() -> [BindingClash] {
        var out: [BindingClash] = []
        var active: [Int] = []
        bindings.withUnsafeBufferPointer { b in
            var start = 0
            while start < b.count {
                let host = b[start].hostIndex, proto = b[start].proto
                var end = start + 1
                while end < b.count && b[end].hostIndex == host && b[end].proto == proto { end += 1 }
                if PortPlan.overlaps(b[start..<end]) { sweep(b, start..<end, &active, &out) }
                start = end
            }
        }
        return out
    }

    /// True when some binding of a sorted run starts before an earlier one
    /// ends: without that (nearly every host) the run cannot clash, and the
    /// sweep is skipped.
    private static func overlaps(_ run: Slice<UnsafeBufferPointer<PortBinding>>) -> Bool {
        var reach = Int32.min
        for b in run {
            if b.low <= reach { return true }
            reach = max(reach, b.high)
        }
        return false
    }

    private func sweep(_ b: UnsafeBufferPointer<PortBinding>, _ run: Range<Int>, _ active: inout [Int], _ out: inout [BindingClash]) {
        active.removeAll(keepingCapacity: true)
        for i in run {
            let current = b[i]
            active.removeAll { b[$0].high < current.low }
            // One report per binding that finds its port taken: a port wanted
            // by k components gives k-1 clashes, not k*(k-1)/2.
            if let j = active.first(where: { b[$0].overlapsAddress(of: current) }) {
                let other = b[j]
                let shared = Int(max(other.low, current.low))...Int(min(other.high, current.high))
                let otherAt = location(of: other), currentAt = location(of: current)
                out.append(otherAt <= currentAt
                    ? BindingClash(earlier: other, later: current, earlierLocation: otherAt, laterLocation: currentAt, ports: shared)
                    : BindingClash(earlier: current, later: other, earlierLocation: currentAt, laterLocation: otherAt, ports: shared))
            }
            active.append(i)
        }
    }
}

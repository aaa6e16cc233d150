import Diagnostics
import Model
import Values

/// One listening socket (or a contiguous run of them) that a component opens on
/// a host, with the spec value that put it there. Plain data (the component's
/// name is an index into `PortPlan.components`), so a fleet's million bindings
/// are built and sorted without reference counting.
struct PortBinding: Sendable {
    /// Position of the host in `topology.hosts`.
    var host: Int
    /// Index into `PortPlan.components`: who listens.
    var component: Int
    var proto: PortProtocol
    var ports: ClosedRange<Int>
    /// nil = every address of the host (0.0.0.0 / ::), which overlaps any other.
    var address: IPAddress?
    var location: SourceLocation

    /// "10.0.6.234" or "all addresses".
    var addressText: String { address.map { $0.description } ?? "all addresses" }

    /// How a finding that names several hosts says where this binding is: one
    /// host's address would be wrong for the others.
    func addressText(hostCount: Int) -> String {
        guard hostCount > 1, let a = address, !a.isLoopback else { return addressText }
        return "each host's address"
    }

    func overlapsAddress(of other: PortBinding) -> Bool {
        guard let a = address, let b = other.address else { return true }
        return a == b
    }
}

/// Two bindings of one host that want the same port, protocol and address.
/// `earlier` is the one written first in the spec.
struct BindingClash: Sendable {
    var earlier: PortBinding
    var later: PortBinding
    /// The ports both want.
    var ports: ClosedRange<Int>
}

/// Every port every component binds on every host, derived from the spec by the
/// port map of DOMAIN.md. Bindings are kept grouped by host (a counting sort)
/// and sorted by protocol and first port within a host, so conflicts are found
/// by one sweep per host rather than by comparing all pairs.
struct PortPlan: Sendable {
    /// Grouped by host position in file order; within a host sorted by
    /// protocol, first port, then spec order.
    let bindings: [PortBinding]
    /// Who listens, as messages name it: "kvdb 'px-etcd' client port".
    let components: [String]

    static let sshd = "sshd (assumed on every host)"
    static let loopback = IPAddress.v4(IPv4Address(value: 0x7f00_0001))

    func name(_ b: PortBinding) -> String { components[b.component] }

    init(_ t: Topology, roles: HostRoles) {
        var builder = Builder()
        builder.bindings.reserveCapacity(PortPlan.estimate(t))
        let sshd = builder.component(PortPlan.sshd)
        for (i, h) in t.hosts.enumerated() {
            builder.add(i, sshd, .tcp, 22...22, nil, h.name.location)
        }
        for k in t.kvdbs {
            guard let r = k.runSpec else { continue }
            builder.addKVDB(named: k.name.value, r, t)
        }
        if let o = t.overlay {
            let port: Int? = o.backend.value == .udp ? 8285 : o.backend.value == .vxlan ? 8472 : nil
            if let port {
                let who = builder.component("flanneld (\(o.backend.value.rawValue) backend)")
                for i in t.positions(of: o.hosts) { builder.add(i, who, .udp, port...port, nil, o.backend.location) }
            }
        }
        if let p = t.portworx {
            let start = p.startPort.value
            let px = builder.component("Portworx"), gossip = builder.component("Portworx gossip")
            for i in t.positions(of: p.hosts) {
                builder.add(i, px, .tcp, start...(start + Portworx.portCount - 1), nil, p.startPort.location)
                builder.add(i, gossip, .udp, (start + 1)...(start + 1), nil, p.startPort.location)
            }
        }
        if let e = t.ecs {
            let introspection = builder.component("the ECS agent's introspection API")
            let credentials = builder.component("the ECS agent's task-credentials endpoint")
            var published: [(Int, PortProtocol, Int, SourceLocation)] = []
            for s in e.services {
                let who = builder.component("ECS service '\(s.name.value)'")
                for m in s.ports { if let hp = m.value.hostPort { published.append((who, m.value.proto, hp, m.location)) } }
            }
            for i in t.positions(of: e.hosts) {
                builder.add(i, introspection, .tcp, 51678...51678, nil, e.agent.location)
                builder.add(i, credentials, .tcp, 51679...51679, PortPlan.loopback, e.agent.location)
                for (who, proto, port, location) in published { builder.add(i, who, proto, port...port, nil, location) }
            }
        }
        bindings = builder.groupedByHost(hostCount: t.hosts.count)
        components = builder.components
    }

    /// An upper bound of the number of bindings, so a fleet's list is allocated
    /// once instead of being regrown and copied.
    private static func estimate(_ t: Topology) -> Int {
        var n = t.hosts.count
        for k in t.kvdbs { if let r = k.runSpec { n += r.members.count * (3 + 2 * r.extraClientPorts.count) } }
        if let o = t.overlay { n += o.hosts.isAll ? t.hosts.count : o.hosts.entries.count }
        if let p = t.portworx { n += 2 * (p.hosts.isAll ? t.hosts.count : p.hosts.entries.count) }
        if let e = t.ecs {
            let ports = e.services.reduce(0) { $0 + $1.ports.count }
            n += (2 + ports) * (e.hosts.isAll ? t.hosts.count : e.hosts.entries.count)
        }
        return n
    }

    /// Collects bindings and component names while the plan is derived.
    private struct Builder {
        var bindings: [PortBinding] = []
        var components: [String] = []

        mutating func component(_ name: String) -> Int {
            components.append(name)
            return components.count - 1
        }

        mutating func add(_ host: Int, _ component: Int, _ proto: PortProtocol, _ ports: ClosedRange<Int>, _ address: IPAddress?, _ location: SourceLocation) {
            bindings.append(PortBinding(host: host, component: component, proto: proto, ports: ports, address: address, location: location))
        }

        /// A run kvdb's listeners on each member: on the host network they bind
        /// the member's address (clients also 127.0.0.1); bridged containers
        /// have Docker publish them on every address.
        mutating func addKVDB(named name: String, _ r: RunKVDB, _ t: Topology) {
            let published = r.run.value == .container && r.network.value == .bridge
            let client = component("kvdb '\(name)' client port")
            let peer = component("kvdb '\(name)' peer port")
            let extra = component("kvdb '\(name)' extra client port")
            for m in r.members {
                guard let i = t.hostPosition(m.value) else { continue }
                let own: IPAddress? = published ? nil : t.hosts[i].address
                let listeners = [(client, r.clientPort, true), (peer, r.peerPort, false)] + r.extraClientPorts.map { (extra, $0, true) }
                for (who, port, alsoLoopback) in listeners {
                    add(i, who, .tcp, port.value...port.value, own, port.location)
                    if alsoLoopback && !published { add(i, who, .tcp, port.value...port.value, PortPlan.loopback, port.location) }
                }
            }
        }

        /// A stable counting sort by host, then each host's few bindings sorted
        /// by protocol and first port (ties in generation order, which follows
        /// the spec): linear in the fleet, deterministic.
        func groupedByHost(hostCount: Int) -> [PortBinding] {
            var start = [Int](repeating: 0, count: hostCount + 1)
            for b in bindings { start[b.host + 1] += 1 }
            for h in 0..<hostCount { start[h + 1] += start[h] }
            var next = start
            var order = [Int](repeating: 0, count: bindings.count)
            for (i, b) in bindings.enumerated() {
                order[next[b.host]] = i
                next[b.host] += 1
            }
            for h in 0..<hostCount where start[h + 1] - start[h] > 1 {
                order[start[h]..<start[h + 1]].sort { x, y in
                    let a = bindings[x], b = bindings[y]
                    if a.proto != b.proto { return a.proto == .tcp }
                    if a.ports.lowerBound != b.ports.lowerBound { return a.ports.lowerBound < b.ports.lowerBound }
                    return x < y
                }
            }
            return order.map { bindings[$0] }
        }
    }

    /// Each binding whose protocol, ports and address overlap a binding that
    /// sorts before it on the same host, paired with that one; found by a sweep
    /// over each (host, protocol) run of the sorted list that keeps only the
    /// bindings still open at the current port.
    func clashes() -> [BindingClash] {
        var out: [BindingClash] = []
        var start = 0
        var active: [Int] = []
        while start < bindings.count {
            let host = bindings[start].host, proto = bindings[start].proto
            var end = start
            while end < bindings.count && bindings[end].host == host && bindings[end].proto == proto { end += 1 }
            active.removeAll(keepingCapacity: true)
            for i in start..<end {
                let current = bindings[i]
                active.removeAll { bindings[$0].ports.upperBound < current.ports.lowerBound }
                // One report per binding that finds its port taken: a port wanted
                // by k components gives k-1 clashes, not k*(k-1)/2.
                if let j = active.first(where: { bindings[$0].overlapsAddress(of: current) }) {
                    let other = bindings[j]
                    let shared = max(other.ports.lowerBound, current.ports.lowerBound)...min(other.ports.upperBound, current.ports.upperBound)
                    let (earlier, later) = other.location <= current.location ? (other, current) : (current, other)
                    out.append(BindingClash(earlier: earlier, later: later, ports: shared))
                }
                active.append(i)
            }
            start = end
        }
        return out
    }
}

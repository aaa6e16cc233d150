import Diagnostics
import Model
import Values

/// One listening socket (or a contiguous run of them) that a component opens on
/// a host, with the spec value that put it there.
struct PortBinding: Sendable {
    /// Position of the host in `topology.hosts`.
    var host: Int
    /// Who listens, as a message names it: "kvdb 'px-etcd' client port".
    var component: String
    var proto: PortProtocol
    var ports: ClosedRange<Int>
    /// nil = every address of the host (0.0.0.0 / ::), which overlaps any other.
    var address: IPAddress?
    var location: SourceLocation

    /// "10.0.6.234" or "all addresses".
    var addressText: String { address.map { $0.description } ?? "all addresses" }

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
/// port map of DOMAIN.md. Bindings are kept sorted by host, protocol and first
/// port, so conflicts are found by one sweep per host rather than by comparing
/// all pairs: a 100,000-host fleet costs one sort.
struct PortPlan: Sendable {
    /// Sorted by host position, protocol, first port, then spec order.
    let bindings: [PortBinding]

    static let sshd = "sshd (assumed on every host)"
    static let loopback = IPAddress.v4(IPv4Address(value: 0x7f00_0001))

    init(_ t: Topology, roles: HostRoles) {
        var b: [PortBinding] = []
        b.reserveCapacity(t.hosts.count * 4)
        for (i, h) in t.hosts.enumerated() {
            b.append(PortBinding(host: i, component: PortPlan.sshd, proto: .tcp, ports: 22...22, address: nil, location: h.name.location))
        }
        for k in t.kvdbs {
            guard let r = k.runSpec else { continue }
            PortPlan.addKVDB(named: k.name.value, r, t, into: &b)
        }
        if let o = t.overlay {
            let port: Int? = o.backend.value == .udp ? 8285 : o.backend.value == .vxlan ? 8472 : nil
            if let port {
                let who = "flanneld (\(o.backend.value.rawValue) backend)"
                for i in PortPlan.positions(o.hosts, t) {
                    b.append(PortBinding(host: i, component: who, proto: .udp, ports: port...port, address: nil, location: o.backend.location))
                }
            }
        }
        if let p = t.portworx {
            let start = p.startPort.value
            for i in PortPlan.positions(p.hosts, t) {
                b.append(PortBinding(host: i, component: "Portworx", proto: .tcp, ports: start...(start + Portworx.portCount - 1), address: nil, location: p.startPort.location))
                b.append(PortBinding(host: i, component: "Portworx gossip", proto: .udp, ports: (start + 1)...(start + 1), address: nil, location: p.startPort.location))
            }
        }
        if let e = t.ecs {
            for i in PortPlan.positions(e.hosts, t) {
                b.append(PortBinding(host: i, component: "the ECS agent's introspection API", proto: .tcp, ports: 51678...51678, address: nil, location: e.agent.location))
                b.append(PortBinding(host: i, component: "the ECS agent's task-credentials endpoint", proto: .tcp, ports: 51679...51679, address: PortPlan.loopback, location: e.agent.location))
                for s in e.services {
                    for m in s.ports {
                        guard let hp = m.value.hostPort else { continue }
                        b.append(PortBinding(host: i, component: "ECS service '\(s.name.value)'", proto: m.value.proto, ports: hp...hp, address: nil, location: m.location))
                    }
                }
            }
        }
        bindings = PortPlan.sorted(b)
    }

    /// A run kvdb's listeners on each member: on the host network they bind the
    /// member's address (clients also 127.0.0.1); bridged containers have Docker
    /// publish them on every address.
    private static func addKVDB(named name: String, _ r: RunKVDB, _ t: Topology, into b: inout [PortBinding]) {
        let published = r.run.value == .container && r.network.value == .bridge
        for m in r.members {
            guard let i = t.hostPosition(m.value) else { continue }
            let own: IPAddress? = published ? nil : t.hosts[i].address
            func add(_ what: String, _ p: Located<Int>, loopbackToo: Bool) {
                let who = "kvdb '\(name)' \(what)"
                b.append(PortBinding(host: i, component: who, proto: .tcp, ports: p.value...p.value, address: own, location: p.location))
                if loopbackToo && !published {
                    b.append(PortBinding(host: i, component: who, proto: .tcp, ports: p.value...p.value, address: PortPlan.loopback, location: p.location))
                }
            }
            add("client port", r.clientPort, loopbackToo: true)
            add("peer port", r.peerPort, loopbackToo: false)
            for x in r.extraClientPorts { add("extra client port", x, loopbackToo: true) }
        }
    }

    static func positions(_ set: HostSet, _ t: Topology) -> [Int] {
        if set.isAll { return Array(t.hosts.indices) }
        return set.entries.compactMap { t.hostPosition($0.value) }
    }

    /// Sorts by one packed integer key (host, protocol, first port), ties by
    /// generation order, which follows the spec: deterministic and cheap.
    private static func sorted(_ b: [PortBinding]) -> [PortBinding] {
        let keys = b.map { UInt64($0.host) << 17 | UInt64($0.proto == .udp ? 1 : 0) << 16 | UInt64($0.ports.lowerBound) }
        let order = b.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        return order.map { b[$0] }
    }

    /// Each binding whose protocol, ports and address overlap a binding that
    /// sorts before it on the same host, paired with that one; found by a sweep over each (host, protocol) run of the sorted
    /// list that keeps only the bindings still open at the current port.
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

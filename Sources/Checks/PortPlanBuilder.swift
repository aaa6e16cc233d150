import Diagnostics
import Model
import Values

/// Derives a `PortPlan`'s bindings host by host, straight into their final
/// order: each host's bindings are made in the order the port map lists the
/// components (sshd, kvdbs, flanneld, Portworx, ECS), then that short run is
/// sorted in place. The fleet's list is allocated once and never regrouped or
/// copied, and what a section adds is worked out once, not once per host.
struct PortPlanBuilder {
    private(set) var bindings: [PortBinding] = []
    private(set) var components: [String] = []
    private(set) var sites: [SourceLocation] = []
    private(set) var addresses: [IPAddress] = []
    private var addressSlots: [IPAddress: Int32] = [:]
    private let t: Topology

    /// One binding a section puts on each of its hosts.
    private struct Listener {
        var component: Int
        var proto: PortProtocol
        var ports: ClosedRange<Int>
        var site: Int32
        var addressSlot: Int32
    }

    /// A run kvdb's listeners: on the host network they bind the member's
    /// address (clients also 127.0.0.1); bridged containers have Docker
    /// publish them on every address.
    private struct KVDBListeners {
        var published: Bool
        /// Each port with the component and whether clients also use 127.0.0.1.
        var ports: [(component: Int, port: Int, site: Int32, alsoLoopback: Bool)]
    }

    init(_ t: Topology) { self.t = t }

    mutating func build(_ roles: HostRoleTable) {
        let sshd = component(PortPlan.sshd)
        var kvdbs: [KVDBListeners] = []
        // (host, kvdb) pairs sorted by host, kvdbs in spec order within one.
        var memberships: [(host: Int, kvdb: Int)] = []
        for k in t.kvdbs {
            guard let r = k.runSpec else { continue }
            let name = k.name.value
            let client = component("kvdb '\(name)' client port")
            let peer = component("kvdb '\(name)' peer port")
            let extra = component("kvdb '\(name)' extra client port")
            let ports = [(client, r.clientPort, true), (peer, r.peerPort, false)] + r.extraClientPorts.map { (extra, $0, true) }
            let published = r.run.value == .container && r.network.value == .bridge
            for m in r.members { if let i = t.hostPosition(m.value) { memberships.append((i, kvdbs.count)) } }
            kvdbs.append(KVDBListeners(published: published, ports: ports.map { ($0.0, $0.1.value, site($0.1.location), $0.2) }))
        }
        memberships.sort { $0.host != $1.host ? $0.host < $1.host : $0.kvdb < $1.kvdb }
        let overlay = overlayListeners(), portworx = portworxListeners(), ecs = ecsListeners()

        bindings.reserveCapacity(PortPlanBuilder.estimate(t))
        // A host that is no kvdb member gets exactly what its overlay, Portworx
        // and ECS roles give it: those runs are made and sorted once per
        // combination of roles, then copied to each such host.
        var sorted = [[PortBinding]?](repeating: nil, count: 8)
        var m = 0
        for h in t.hosts.indices {
            let r = roles[h]
            let key = (r.contains(.overlay) ? 1 : 0) | (r.contains(.portworx) ? 2 : 0) | (r.contains(.ecs) ? 4 : 0)
            let isMember = m < memberships.count && memberships[m].host == h
            if !isMember, let run = sorted[key] {
                // Copied whole, then moved to this host in place: cheaper than
                // appending one by one (or a lazy map, which allocates).
                let start = bindings.count
                bindings.append(contentsOf: run)
                bindings.withUnsafeMutableBufferPointer { b in
                    for k in start..<b.count { b[k] = b[k].on(host: h) }
                }
                continue
            }
            let start = bindings.count
            bindings.append(PortBinding(host: h, component: sshd, proto: .tcp, ports: 22...22, site: PortPlan.hostNameSite, addressSlot: PortPlan.allAddresses))
            while m < memberships.count && memberships[m].host == h {
                add(kvdbs[memberships[m].kvdb], on: h)
                m += 1
            }
            if r.contains(.overlay) { add(overlay, on: h) }
            if r.contains(.portworx) { add(portworx, on: h) }
            if r.contains(.ecs) { add(ecs, on: h) }
            sortHost(from: start)
            if !isMember { sorted[key] = Array(bindings[start...]) }
        }
    }

    private mutating func component(_ name: String) -> Int {
        components.append(name)
        return components.count - 1
    }

    private mutating func site(_ location: SourceLocation) -> Int32 {
        sites.append(location)
        return Int32(sites.count - 1)
    }

    private mutating func addressSlot(_ a: IPAddress) -> Int32 {
        if let slot = addressSlots[a] { return slot }
        addresses.append(a)
        addressSlots[a] = Int32(addresses.count - 1)
        return Int32(addresses.count - 1)
    }

    private mutating func add(_ listeners: [Listener], on host: Int) {
        for l in listeners {
            bindings.append(PortBinding(host: host, component: l.component, proto: l.proto, ports: l.ports, site: l.site, addressSlot: l.addressSlot))
        }
    }

    private mutating func add(_ k: KVDBListeners, on host: Int) {
        let own = k.published ? PortPlan.allAddresses : addressSlot(t.hosts[host].address)
        for p in k.ports {
            bindings.append(PortBinding(host: host, component: p.component, proto: .tcp, ports: p.port...p.port, site: p.site, addressSlot: own))
            if p.alsoLoopback && !k.published {
                let loopback = addressSlot(PortPlan.loopback)
                bindings.append(PortBinding(host: host, component: p.component, proto: .tcp, ports: p.port...p.port, site: p.site, addressSlot: loopback))
            }
        }
    }

    /// flanneld's udp or vxlan port on every overlay host.
    private mutating func overlayListeners() -> [Listener] {
        guard let o = t.overlay else { return [] }
        let port: Int? = o.backend.value == .udp ? 8285 : o.backend.value == .vxlan ? 8472 : nil
        guard let port else { return [] }
        let who = component("flanneld (\(o.backend.value.rawValue) backend)")
        return [Listener(component: who, proto: .udp, ports: port...port, site: site(o.backend.location), addressSlot: PortPlan.allAddresses)]
    }

    /// Portworx's tcp range from start_port and its gossip port.
    private mutating func portworxListeners() -> [Listener] {
        guard let p = t.portworx else { return [] }
        let start = p.startPort.value
        let px = component("Portworx"), gossip = component("Portworx gossip")
        let at = site(p.startPort.location)
        return [Listener(component: px, proto: .tcp, ports: start...(start + Portworx.portCount - 1), site: at, addressSlot: PortPlan.allAddresses),
                Listener(component: gossip, proto: .udp, ports: (start + 1)...(start + 1), site: at, addressSlot: PortPlan.allAddresses)]
    }

    /// The ECS agent's two ports and every service's published host ports.
    private mutating func ecsListeners() -> [Listener] {
        guard let e = t.ecs else { return [] }
        let introspection = component("the ECS agent's introspection API")
        let credentials = component("the ECS agent's task-credentials endpoint")
        let agent = site(e.agent.location)
        var out = [Listener(component: introspection, proto: .tcp, ports: 51678...51678, site: agent, addressSlot: PortPlan.allAddresses),
                   Listener(component: credentials, proto: .tcp, ports: 51679...51679, site: agent, addressSlot: addressSlot(PortPlan.loopback))]
        for s in e.services {
            let who = component("ECS service '\(s.name.value)'")
            for m in s.ports {
                guard let hp = m.value.hostPort else { continue }
                out.append(Listener(component: who, proto: m.value.proto, ports: hp...hp, site: site(m.location), addressSlot: PortPlan.allAddresses))
            }
        }
        return out
    }

    /// Sorts the bindings of the host that starts at `start` by protocol (tcp
    /// first) and first port, ties in the order they were made, which follows
    /// the spec. A host has a handful, so insertion sort; a long run (a service
    /// publishing many ports) falls back to a sort with the order as tiebreak.
    private mutating func sortHost(from start: Int) {
        let count = bindings.count - start
        guard count > 1 else { return }
        if count > 16 {
            let run = bindings[start...].enumerated().sorted { x, y in
                PortPlanBuilder.sortsBefore(x.element, y.element) || (!PortPlanBuilder.sortsBefore(y.element, x.element) && x.offset < y.offset)
            }
            bindings.replaceSubrange(start..., with: run.map { $0.element })
            return
        }
        bindings.withUnsafeMutableBufferPointer { b in
            for i in (start + 1)..<b.count {
                let x = b[i]
                var j = i
                while j > start && PortPlanBuilder.sortsBefore(x, b[j - 1]) {
                    b[j] = b[j - 1]
                    j -= 1
                }
                b[j] = x
            }
        }
    }

    private static func sortsBefore(_ a: PortBinding, _ b: PortBinding) -> Bool {
        if a.proto != b.proto { return a.proto == .tcp }
        return a.low < b.low
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
}

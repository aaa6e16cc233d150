import Model

/// Portworx on every Portworx host, then the cluster-wide "Portworx is up" gate.
enum PortworxSteps {
    static func add(to b: inout PlanBuilder) {
        guard let px = b.topology.portworx else { return }
        let ranks = b.ranks(of: px.hosts)
        let names = ranks.map { b.hostName($0) }
        guard !names.isEmpty else { return }
        let kvdb = b.topology.kvdb(named: px.kvdb.value)
        let endpoints = kvdb.map { b.topology.endpoints(of: $0) } ?? []
        var ids: [StepRef] = []
        let portworx = b.name("portworx"), daemon = b.name(DockerSteps.daemonStep)
        let healthy = kvdb.flatMap { KVDBSteps.healthyRef($0, in: &b) }
        for (name, rank) in zip(names, ranks) {
            // Portworx refuses to start without its kvdb, and that kvdb usually
            // runs on another host: wait for it from here.
            // Built only when the plan is (a skeleton for lint skips it).
            let actions: () -> [Action] = {
                var actions: [Action] = endpoints.map {
                    .waitUntil(description: "kvdb \(px.kvdb.value) answers healthy at \($0)", command: EtcdProbe.health($0), environment: [])
                }
                actions += [
                    .installFile(.portworxUnit(host: name), path: HostPaths.portworxUnit, mode: "0644"),
                    .daemonReload,
                    .enableService("portworx"),
                ]
                return actions
            }
            let id = b.add(b.ref(rank, portworx), label: "Portworx", component: "portworx", at: px.hosts.location, actions())
            ids.append(id)
            b.depend(id, on: b.ref(rank, daemon),
                     "Portworx runs as a container on \(name)'s Docker daemon", at: px.hosts.location)
            if let healthy {
                b.depend(id, on: healthy, "Portworx keeps its cluster state in kvdb \(px.kvdb.value)", at: px.kvdb.location)
            }
        }
        let first = names[0]
        let topology = b.topology, positions = ranks.map { b.positionsByRank[Int($0)] }
        let waits: () -> [Action] = { positions.map { p in
            let h = topology.hosts[p]
            let url = "http://\(h.address.urlHost):\(px.startPort.value)/status"
            return .waitUntil(description: "Portworx on \(h.name.value) answers at \(url)",
                              command: ["curl", "-fsS", "--max-time", "5", url], environment: [])
        } }
        let ready = b.add(b.ref(first, b.name(readyStep)), label: "Portworx cluster up", component: "portworx",
                          at: px.location, waits())
        for (name, id) in zip(names, ids) {
            b.depend(ready, on: id, "the Portworx cluster is up once Portworx on \(name) answers", at: px.hosts.location)
        }
    }

    static let readyStep = "portworx-ready"

    /// The cluster gate, if the plan has Portworx.
    static func readyRef(_ b: inout PlanBuilder) -> StepRef? {
        guard let px = b.topology.portworx,
              let first = b.topology.hostNames(px.hosts).first(where: { b.topology.host(named: $0) != nil }) else { return nil }
        return b.ref(first, b.name(readyStep))
    }
}

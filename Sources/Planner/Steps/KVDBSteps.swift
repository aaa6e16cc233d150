import Model

/// etcd members run by the plan, and the "cluster healthy" gate after them.
enum KVDBSteps {
    static func memberStep(_ kvdb: String) -> String { "etcd-" + kvdb }
    static func healthyStep(_ kvdb: String) -> String { "kvdb-" + kvdb + "-healthy" }

    /// The step after which a kvdb answers, or nil for an external kvdb
    /// (nothing in the plan starts it).
    static func healthyRef(_ kvdb: KVDB, in b: inout PlanBuilder) -> StepRef? {
        guard let first = kvdb.runSpec?.members.first else { return nil }
        return b.ref(first.value, b.name(healthyStep(kvdb.name.value)))
    }

    static func add(to b: inout PlanBuilder) {
        for kvdb in b.topology.kvdbs {
            guard let r = kvdb.runSpec else { continue }
            let step = b.name(memberStep(kvdb.name.value))
            for member in r.members {
                guard let host = b.topology.host(named: member.value) else { continue }
                let ref = b.ref(member.value, step)
                if r.run.value == .host {
                    addHostMember(kvdb, host: host, ref, at: member, to: &b)
                } else {
                    addContainerMember(kvdb, r, host: host, ref, at: member, to: &b)
                }
            }
        }
        for kvdb in b.topology.kvdbs { addHealthy(kvdb, to: &b) }
    }

    private static func addHostMember(_ kvdb: KVDB, host: Host, _ ref: StepRef, at member: Located<String>, to b: inout PlanBuilder) {
        let name = kvdb.name.value
        b.add(ref, label: "etcd member of \(name)", component: "etcd",
              at: member.location, [
                .installPackages([Distro.etcdPackage(host.os.value)]),
                .installFile(.etcdConf(kvdb: name, member: host.name.value), path: Distro.etcdConfigPath(host.os.value), mode: "0644"),
                .enableService("etcd"),
              ])
    }

    private static func addContainerMember(_ kvdb: KVDB, _ r: RunKVDB, host: Host, _ ref: StepRef, at member: Located<String>, to b: inout PlanBuilder) {
        let name = kvdb.name.value, hostName = host.name.value
        // Under remapping, root in the container is the first subordinate id on
        // the host, so the data directory must belong to that id to be writable;
        // a host-network member runs with --userns=host, as the host's root.
        var owner: String? = nil
        if r.network.value == .bridge, b.roles.remapsUserNamespaces(at: b.positionsByRank[Int(ref.host)]), let ids = b.topology.docker?.subordinateIDs {
            owner = "\(ids.start.value):\(ids.start.value)"
        }
        let id = b.add(ref, label: "etcd member of \(name) (container)", component: "etcd",
                       at: member.location, [
                        .ensureDirectory(path: r.dataDir.value, owner: owner, mode: "0700"),
                        .installFile(.etcdContainerUnit(kvdb: name, member: hostName), path: HostPaths.etcdContainerUnit(name), mode: "0644"),
                        .daemonReload,
                        .enableService("etcd-\(name).service"),
                       ])
        b.depend(id, on: b.ref(ref.host, b.name(DockerSteps.daemonStep)),
                 "etcd member of \(name) runs as a container on \(hostName)'s Docker daemon", at: r.run.location)
    }

    /// On the first member: wait until every member answers healthy on its
    /// `/health` endpoint. curl on the host works for every etcd from 2.1 and
    /// for members in containers alike (etcd 2.x images keep etcdctl outside
    /// the PATH, so `docker exec … etcdctl` would fail there). Edges from every
    /// member (most of them on other hosts).
    private static func addHealthy(_ kvdb: KVDB, to b: inout PlanBuilder) {
        guard let r = kvdb.runSpec, let first = r.members.first, b.topology.host(named: first.value) != nil else { return }
        let name = kvdb.name.value
        let topology = b.topology
        let waits: () -> [Action] = {
            topology.endpoints(of: kvdb).map { endpoint in
                .waitUntil(description: "kvdb \(name)'s member at \(endpoint) answers healthy", command: EtcdProbe.health(endpoint), environment: [])
            }
        }
        let id = b.add(b.ref(first.value, b.name(healthyStep(name))), label: "kvdb \(name) healthy", component: "etcd",
                       at: kvdb.name.location, waits())
        let member = b.name(memberStep(name))
        for m in r.members {
            b.depend(id, on: b.ref(m.value, member),
                     "kvdb \(name) is healthy only once its member on \(m.value) runs", at: m.location)
        }
    }
}

import Model
import Values

/// The Flannel overlay: its config key, seeded once, and flanneld on every host.
enum OverlaySteps {
    static let flanneldStep = "flanneld"

    static func add(to b: inout PlanBuilder) {
        guard let overlay = b.topology.overlay else { return }
        let overlayHosts = b.ranks(of: overlay.hosts)
        let kvdb = b.topology.kvdb(named: overlay.kvdb.value)
        // The seeding host: the kvdb's first member (it can reach the cluster and,
        // for `run: host`, has etcdctl installed), else the first overlay host.
        guard let seeder = kvdb?.runSpec?.members.first?.value ?? overlayHosts.first.map({ b.hostName($0) }),
              b.topology.host(named: seeder) != nil else { return }
        let kvdbName = overlay.kvdb.value
        let key = configKey(overlay)
        let api = overlay.usesEtcdV2 ? 2 : 3
        let endpoints = kvdb.map { b.topology.endpoints(of: $0) } ?? []

        var seedActions: [Action] = []
        if let kvdb, kvdb.runSpec == nil {
            // Nothing in the plan starts an external kvdb: wait for it instead.
            for e in endpoints {
                seedActions.append(.waitUntil(description: "kvdb \(kvdbName) answers at \(e)", command: EtcdProbe.health(e), environment: []))
            }
        }
        if let kvdb {
            let client = EtcdClient(kvdb: kvdb, in: b.topology, runningOn: seeder)
            let check = client.command(api: api, ["get", key])
            let write = client.command(api: api, [api == 2 ? "set" : "put", key, configJSON(overlay)])
            seedActions.append(.runOnce(description: "write flannel's network config to \(key) in kvdb \(kvdbName)",
                                        check: check.argv, command: write.argv, environment: write.environment))
        }
        let seed = b.add(b.ref(seeder, b.name("overlay-config")), label: "flannel network config", component: "flannel",
                         at: overlay.location, seedActions)
        if let kvdb, let healthy = KVDBSteps.healthyRef(kvdb, in: &b) {
            b.depend(seed, on: healthy, "the overlay config is written to kvdb \(kvdbName) once it is healthy", at: overlay.kvdb.location)
        }

        let flanneld = b.name(flanneldStep)
        // The same wait on every host but the seeder.
        let keyWait = b.skeleton ? nil : configKeyWait(overlay, key: key, endpoints: endpoints, api: api, etcd: kvdb?.version?.value)
        for rank in overlayHosts {
            let position = b.positionsByRank[Int(rank)]
            let name = b.topology.hosts[position].name.value, redHat = b.topology.hosts[position].os.value.isRedHatFamily
            // Built only when the plan is (a skeleton for lint skips it).
            let actions: () -> [Action] = {
                var actions: [Action] = []
                if name != seeder, let wait = keyWait {
                    actions.append(wait)
                }
                actions.append(.installPackages(["flannel"]))
                if redHat {
                    actions.append(.installFile(.flanneldSysconfig(host: name), path: HostPaths.flanneldSysconfig, mode: "0644"))
                } else {
                    actions.append(.installFile(.flanneldUnit(host: name), path: HostPaths.flanneldUnit, mode: "0644"))
                }
                actions += [
                    .daemonReload,
                    .enableService("flanneld"),
                    .waitForFile(description: "flanneld has leased this host's subnet", path: HostPaths.flannelSubnetEnv),
                ]
                return actions
            }
            let id = b.add(b.ref(rank, flanneld), label: "flanneld", component: "flannel", at: overlay.hosts.location, actions())
            b.depend(id, on: seed, "flanneld reads its network config from kvdb \(kvdbName)", at: overlay.kvdb.location)
        }
    }

    static func configKey(_ overlay: Overlay) -> String {
        var prefix = Substring(overlay.prefix.value)
        while prefix.count > 1 && prefix.last == "/" { prefix = prefix.dropLast() }
        return (prefix == "/" ? "" : String(prefix)) + "/config"
    }

    /// flannel's config document. `Backend` is always written: without it
    /// flannel falls back to udp, its debugging backend, silently.
    static func configJSON(_ overlay: Overlay) -> String {
        "{\"Network\": \(JSONQuoting.quote(overlay.network.value.description)), \"SubnetLen\": \(overlay.subnetLen.value), "
            + "\"Backend\": {\"Type\": \(JSONQuoting.quote(overlay.backend.value.rawValue))}}"
    }

    /// The cross-host wait for the seeded key, over plain HTTP so hosts that
    /// only run flanneld need no etcdctl: a GET of the v2 key, or a range
    /// request to the v3 JSON gateway.
    private static func configKeyWait(_ overlay: Overlay, key: String, endpoints: [String], api: Int, etcd version: Version?) -> Action? {
        guard let first = endpoints.first else { return nil }
        let description = "flannel's network config \(key) exists in kvdb \(overlay.kvdb.value)"
        let probe = api == 2 ? EtcdProbe.v2Key(first, key) : EtcdProbe.v3Key(first, key, etcd: version)
        return .waitUntil(description: description, command: probe, environment: [])
    }
}

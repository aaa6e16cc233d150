import Model
import Values

/// The configuration of one etcd member, in etcd's own terms (flag names without
/// dashes), shared by etcd.conf and the container's flags so the two cannot
/// drift. Every member is named after its host (the guide's `default` on every
/// node would bootstrap separate one-node clusters), and the initial cluster lists
/// every member in `members` order, so it is identical on all of them.
struct EtcdMemberSettings {
    /// Where the member's sockets are opened.
    enum Listen {
        /// On the host's own address (and 127.0.0.1 for clients): `run: host` and
        /// host-network containers.
        case hostAddress
        /// On 0.0.0.0 inside a bridge-network container, whose ports Docker
        /// publishes on the host.
        case allAddresses
    }

    /// `(flag name, value)` in the order of the distro's etcd.conf.
    let settings: [(name: String, value: String)]

    init?(kvdb: KVDB, member: String, in topology: Topology, listen: Listen) {
        guard let run = kvdb.runSpec, run.members.contains(where: { $0.value == member }),
              let host = topology.host(named: member) else { return nil }
        let address = host.address.urlHost
        let clientPorts = [run.clientPort.value] + run.extraClientPorts.map { $0.value }
        let peer = run.peerPort.value
        func url(_ host: String, _ port: Int) -> String { "http://\(host):\(port)" }

        let listenClient: [String]
        let listenPeer: String
        switch listen {
        case .hostAddress:
            // Local clients (etcdctl, flanneld on the member) reach it on 127.0.0.1
            // too, unless that is the host's address already.
            let local = host.address.isLoopback && host.address.isV4 ? [] : ["127.0.0.1"]
            listenClient = clientPorts.flatMap { port in ([address] + local).map { url($0, port) } }
            listenPeer = url(address, peer)
        case .allAddresses:
            // Every advertised port is listened on (the guide advertised :14001
            // but listened only on :12379).
            listenClient = clientPorts.map { url("0.0.0.0", $0) }
            listenPeer = url("0.0.0.0", peer)
        }
        let initialCluster = run.members.compactMap { m in
            topology.host(named: m.value).map { "\(m.value)=\(url($0.address.urlHost, peer))" }
        }
        var s: [(name: String, value: String)] = [
            ("name", member),
            ("data-dir", run.dataDir.value),
            ("listen-peer-urls", listenPeer),
            ("listen-client-urls", listenClient.joined(separator: ",")),
            // Required whenever listen-client-urls is set; the guide's etcd.conf
            // leaves it out. Always the host's address, never 0.0.0.0 or loopback.
            ("advertise-client-urls", clientPorts.map { url(address, $0) }.joined(separator: ",")),
            ("initial-advertise-peer-urls", url(address, peer)),
            ("initial-cluster", initialCluster.joined(separator: ",")),
            ("initial-cluster-state", "new"),
            ("initial-cluster-token", run.token.value),
        ]
        if let v2 = EtcdMemberSettings.enableV2(kvdb, run, in: topology) {
            s.append(("enable-v2", v2 ? "true" : "false"))
        }
        settings = s
    }

    /// The `enable-v2` value to write, or nil to leave etcd's default.
    /// The flag exists from etcd 3.3 (2.x serves only v2; 3.0-3.2 have no switch),
    /// so nothing is written for older versions. An explicit `enable_v2` wins;
    /// otherwise v2 is turned on for 3.4 and 3.5 (where it is off by default) when
    /// a flannel of 0.17 or older, which speaks only v2, keeps its config here.
    static func enableV2(_ kvdb: KVDB, _ run: RunKVDB, in topology: Topology) -> Bool? {
        guard let version = kvdb.version?.value else { return run.enableV2?.value }
        guard version >= Version(major: 3, minor: 3) else { return nil }
        if let explicit = run.enableV2?.value { return explicit }
        guard let overlay = topology.overlay, overlay.kvdb.value == kvdb.name.value, overlay.usesEtcdV2,
              version >= Version(major: 3, minor: 4), version < Version(major: 3, minor: 6) else { return nil }
        return true
    }

    /// `ETCD_NAME` for `name`, `ETCD_LISTEN_PEER_URLS` for `listen-peer-urls`.
    static func environmentName(_ flag: String) -> String {
        "ETCD_" + String(flag.uppercased().map { $0 == "-" ? "_" : $0 })
    }
}

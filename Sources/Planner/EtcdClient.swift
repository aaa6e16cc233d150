import Model
import Values

/// How a step talks to an etcd cluster with etcdctl. The v2 and v3 APIs are
/// separate key spaces with separate variables (`ETCDCTL_ENDPOINT` for v2,
/// `ETCDCTL_ENDPOINTS` for v3), and from etcd 3.4 the default API is 3, so the
/// API is always set explicitly.
///
/// On a member of a `run: container` kvdb, etcdctl runs inside the member's
/// container (`docker exec etcd-<kvdb>`): the image ships the etcdctl that
/// matches the server, and the host need not have etcd installed at all.
struct EtcdClient {
    let endpoints: [String]
    /// The container to run etcdctl in, or nil for the host's etcdctl.
    let container: String?

    init(kvdb: KVDB, in topology: Topology, runningOn host: String) {
        endpoints = topology.endpoints(of: kvdb)
        if let r = kvdb.runSpec, r.run.value == .container, r.members.contains(where: { $0.value == host }) {
            container = "etcd-" + kvdb.name.value
        } else {
            container = nil
        }
    }

    var joinedEndpoints: String { endpoints.joined(separator: ",") }

    /// `etcdctl <args>` speaking API `version` (2 or 3) to the cluster's endpoints.
    func command(api version: Int, _ args: [String]) -> (argv: [String], environment: [(String, String)]) {
        let env: [(String, String)] = version >= 3
            ? [("ETCDCTL_API", "3"), ("ETCDCTL_ENDPOINTS", joinedEndpoints)]
            : [("ETCDCTL_API", "2"), ("ETCDCTL_ENDPOINT", joinedEndpoints)]
        return wrap(args, env)
    }

    private func wrap(_ args: [String], _ env: [(String, String)]) -> (argv: [String], environment: [(String, String)]) {
        guard let container else { return (["etcdctl"] + args, env) }
        var argv = ["docker", "exec"]
        for (k, v) in env { argv += ["-e", k + "=" + v] }
        return (argv + [container, "etcdctl"] + args, [])
    }
}

/// Plain HTTP probes of etcd that need no etcdctl on the probing host.
enum EtcdProbe {
    /// `curl` of an endpoint's `/health` (etcd 2.1 and later): succeeds only
    /// when that member answers healthy.
    static func health(_ endpoint: String) -> [String] {
        ["curl", "-fsS", "--max-time", "5", trimmedSlash(endpoint) + "/health"]
    }

    /// `curl` of a v2 key: 404 (a failure with -f) until the key exists.
    static func v2Key(_ endpoint: String, _ key: String) -> [String] {
        ["curl", "-fsS", "--max-time", "5", trimmedSlash(endpoint) + "/v2/keys" + key]
    }

    /// Succeeds once `key` exists in the v3 key space, asked through etcd's
    /// JSON gateway with curl, so hosts that only wait for the key need no
    /// etcdctl (hosts that are not kvdb members have none). The gateway
    /// answers a range request for a missing key with a header and no `kvs`,
    /// hence the grep. Its path moved with etcd's versions: /v3alpha (3.2),
    /// /v3beta (3.3), /v3 (3.4 and later, the only one from 3.5).
    static func v3Key(_ endpoint: String, _ key: String, etcd version: Version?) -> [String] {
        let prefix: String
        switch version {
        case let v? where v < Version(major: 3, minor: 3): prefix = "/v3alpha"
        case let v? where v < Version(major: 3, minor: 4): prefix = "/v3beta"
        default: prefix = "/v3"
        }
        let body = "{\"key\": \"" + Base64.encode(Array(key.utf8)) + "\"}"
        return ["sh", "-c", "curl -fsS --max-time 5 -X POST -d \"$2\" \"$1\" | grep -q '\"kvs\"'", "sh",
                trimmedSlash(endpoint) + prefix + "/kv/range", body]
    }

    static func trimmedSlash(_ s: String) -> String {
        var t = Substring(s)
        while t.last == "/" { t = t.dropLast() }
        return String(t)
    }
}

import Diagnostics
import Model
import Values

/// An external kvdb endpoint that other hosts cannot use as written.
enum KVDBEndpointURLRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-endpoint-url", severity: .error,
        summary: "An external kvdb endpoint is local to one machine, carries a path, or is listed twice.",
        explanation: """
        What: an endpoint of an external kvdb names localhost, a 127.x or ::1 address, or \
        0.0.0.0/::; or has a path after the port; or appears twice in the list.
        Why: every host (flanneld, Portworx) connects to these URLs, so a loopback or \
        unspecified address means "this machine" on each of them, never the etcd \
        cluster. etcd clients take base URLs and add their own API paths, so a path \
        points them at a place etcd does not serve. A duplicate hides a missing member.
        Fix: use an address or DNS name that every host resolves to the cluster, as \
        scheme://host:port.
        Example: `http://127.0.0.1:2379` -> `http://10.0.6.10:2379`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for k in c.topology.kvdbs {
            guard let e = k.externalSpec else { continue }
            var seen: [String: Located<EndpointURL>] = [:]
            for u in e.endpoints {
                let url = u.value
                if let reason = localOnly(url) {
                    out.append(finding("endpoint \(url.text) of kvdb '\(k.name.value)' \(reason), never the etcd cluster: use an address or name every host can reach", at: u.location))
                }
                if !url.path.isEmpty {
                    out.append(finding("endpoint \(url.text) of kvdb '\(k.name.value)' has the path '\(url.path)': etcd clients take a base URL; write \(url.scheme)://\(hostPort(url))", at: u.location))
                }
                let key = "\(url.scheme)://\(hostPort(url).lowercased())"
                if let first = seen[key] {
                    out.append(finding("endpoint \(url.text) of kvdb '\(k.name.value)' is listed twice: remove it, or list the member it was meant to be",
                                       at: u.location, notes: [Note("first listed here as \(first.value.text)", at: first.location)]))
                } else {
                    seen[key] = u
                }
            }
        }
        return out
    }

    /// "host:port" with the scheme's default port made explicit.
    private static func hostPort(_ url: EndpointURL) -> String {
        let host = url.address.map { $0.urlHost } ?? url.host
        return "\(host):\(url.effectivePort)"
    }

    private static func localOnly(_ url: EndpointURL) -> String? {
        if let a = url.address {
            if a.isLoopback { return "is a loopback address: on each host it means that host itself" }
            if a.isUnspecified { return "is the unspecified address, which is for listening, not connecting: it means the connecting host itself" }
            return nil
        }
        let host = url.host.lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") || host == "localhost.localdomain" {
            return "names localhost: on each host it means that host itself"
        }
        return nil
    }
}

import Diagnostics
import Model

/// A user's ECS service that a remapping daemon would refuse.
enum UsernsPrivilegedRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "userns-privileged", severity: .error,
        summary: "An ECS service asks for privileged mode or the host network on hosts whose Docker remaps user namespaces.",
        explanation: """
        What: a service has `privileged: true` or `network_mode: host` and runs on ECS \
        hosts where `docker.userns_remap` is on.
        Why: with remapping on, the daemon refuses --privileged, --net=host and \
        --pid=host unless the container also runs with --userns=host. topoc adds that \
        only for its own components (Portworx, the ECS agent), never to a user's \
        service, since it would give the service real root on the host. The task would \
        fail to start on every remapped host.
        Fix: drop privileged / network_mode: host from the service, or run the ECS \
        cluster on hosts without remapping (leave them out of docker.hosts).
        Example: `web: {image: nginx:1.25, network_mode: host}` -> use `ports:`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs, let d = c.topology.docker, let remap = d.usernsRemap else { return [] }
        let hosts = c.names(c.remappedECSHosts)
        guard !hosts.isEmpty else { return [] }
        let note = [Note("user namespaces are remapped here", at: remap.location)]
        var out: [Diagnostic] = []
        for s in e.services {
            if let p = s.privileged, p.value {
                out.append(finding("service '\(s.name.value)' asks for privileged mode, which Docker refuses on \(Phrases.hosts(hosts)) where user namespaces are remapped (topoc never adds --userns=host to user services): drop privileged or run the service on hosts without remapping",
                                   at: p.location, notes: note))
            }
            if let n = s.networkMode, n.value == .host {
                out.append(finding("service '\(s.name.value)' asks for the host network, which Docker refuses on \(Phrases.hosts(hosts)) where user namespaces are remapped (topoc never adds --userns=host to user services): publish ports instead, or run the service on hosts without remapping",
                                   at: n.location, notes: note))
            }
        }
        return out
    }
}

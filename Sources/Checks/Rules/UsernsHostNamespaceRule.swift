import Diagnostics
import Model

/// topoc adds --userns=host for its own components on remapped hosts.
enum UsernsHostNamespaceRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "userns-host-namespace", severity: .info,
        summary: "topoc runs Portworx or the ECS agent with --userns=host on hosts that remap user namespaces.",
        explanation: """
        What: Portworx (privileged, host network) or the ECS agent (host network) runs on \
        hosts whose Docker has userns_remap on; topoc starts them with --userns=host.
        Why: with remapping on, the daemon refuses --privileged, --net=host and \
        --pid=host unless the container opts out of the remapping. This answers the \
        guide's open question of how Portworx runs under user namespaces: it does so \
        outside them, as root on the host, as it must to manage block devices.
        Fix: nothing to fix; this says what topoc did. Silence it with \
        `lint: {ignore: [userns-host-namespace]}`.
        Example: the flannel-userns scenario, where Portworx runs on all three nodes.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let p = c.topology.portworx {
            let hosts = c.names(c.remappedPortworxHosts)
            if !hosts.isEmpty {
                out.append(finding("topoc runs Portworx with --userns=host on \(Phrases.list(hosts)): with userns-remap the daemon refuses --privileged and --net=host otherwise (answers the guide's open question)",
                                   at: p.location))
            }
        }
        if let e = c.topology.ecs {
            let hosts = c.names(c.remappedECSHosts)
            if !hosts.isEmpty {
                out.append(finding("topoc runs the ECS agent with --userns=host on \(Phrases.list(hosts)): with userns-remap the daemon refuses --net=host otherwise",
                                   at: e.agent.location))
            }
        }
        return out
    }
}

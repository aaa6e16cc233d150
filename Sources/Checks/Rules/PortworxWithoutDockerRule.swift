import Diagnostics
import Model

/// A Portworx host whose daemon topoc does not configure.
enum PortworxWithoutDockerRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "portworx-without-docker", severity: .error,
        summary: "A Portworx host is left out of an explicit docker.hosts.",
        explanation: """
        What: `docker.hosts` lists hosts explicitly, and a Portworx host is not among them.
        Why: Portworx runs as a container on that host's Docker, but topoc would not \
        configure that daemon, so the user-namespace and overlay settings would not \
        apply to the daemon Portworx runs on, and the cluster's nodes would differ.
        Fix: add the host to `docker.hosts`, or drop `docker.hosts` (topoc then \
        configures every host that runs containers).
        Example: `docker: {hosts: [node1, node2]}` with Portworx on node1..node3.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let d = c.topology.docker, d.hosts.isExplicit, let p = c.topology.portworx else { return [] }
        let left = c.names(c.positions(p.hosts).filter { !c.roles[$0].contains(.dockerConfigured) })
        guard !left.isEmpty else { return [] }
        return [finding("docker.hosts leaves out Portworx \(Phrases.hosts(left)): topoc would not configure the daemon Portworx runs on there; add \(left.count == 1 ? "it" : "them") to docker.hosts",
                        at: d.hosts.location, notes: [Note("Portworx's hosts are chosen here", at: p.hosts.location)])]
    }
}

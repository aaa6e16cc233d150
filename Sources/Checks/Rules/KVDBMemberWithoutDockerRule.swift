import Diagnostics
import Model

/// A containerized etcd member on a host whose daemon topoc does not configure.
enum KVDBMemberWithoutDockerRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-member-without-docker", severity: .error,
        summary: "A member of a run: container kvdb is on a host that an explicit docker.hosts leaves out.",
        explanation: """
        What: `docker.hosts` lists hosts explicitly, and a member of a `run: container` \
        kvdb is not among them.
        Why: the member runs as a container on that host's Docker, but topoc would not \
        configure that daemon: it would miss the user-namespace and overlay settings \
        the rest of the cluster has (and its bridge network would not be the overlay).
        Fix: add the host to `docker.hosts`, drop `docker.hosts` (topoc then configures \
        every host that runs containers), or choose another member.
        Example: `docker: {hosts: [node2, node3]}` with `px-etcd: {members: [node1]}`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let d = c.topology.docker, d.hosts.isExplicit else { return [] }
        var out: [Diagnostic] = []
        for k in c.topology.kvdbs {
            guard let r = k.runSpec, r.run.value == .container else { continue }
            for m in r.members where !(c.topology.hostPosition(m.value).map { c.roles[$0].contains(.dockerConfigured) } ?? false) {
                out.append(finding("\(m.value) runs a member of kvdb '\(k.name.value)' as a container, but docker.hosts leaves it out, so topoc would not configure the daemon it runs on: add \(m.value) to docker.hosts",
                                   at: m.location, notes: [Note("docker.hosts is set here", at: d.hosts.location)]))
            }
        }
        return out
    }
}

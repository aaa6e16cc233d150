/// Which hosts play which part, resolved once from the spec's host sets. Every
/// phase asks these questions (is this host on the overlay? does topoc configure
/// its Docker daemon?), so they are answered in one place.
public struct HostRoles: Sendable {
    /// Hosts on the overlay (none without an overlay).
    public let overlay: Set<String>
    /// Hosts that run Portworx.
    public let portworx: Set<String>
    /// ECS container instances.
    public let ecs: Set<String>
    /// Members of `run: container` kvdbs.
    public let containerKVDBMembers: Set<String>
    /// Members of `run: host` kvdbs.
    public let hostKVDBMembers: Set<String>
    /// Hosts whose Docker daemon topoc configures: `docker.hosts` when written;
    /// else every host that runs a container or is on the overlay; none without
    /// a `docker` section.
    public let dockerConfigured: Set<String>
    /// True when the `docker` section enables user-namespace remapping.
    public let remapsUserNamespaces: Bool

    public init(_ t: Topology) {
        overlay = t.overlay.map { Set(t.hostNames($0.hosts)) } ?? []
        portworx = t.portworx.map { Set(t.hostNames($0.hosts)) } ?? []
        ecs = t.ecs.map { Set(t.hostNames($0.hosts)) } ?? []
        var containerMembers = Set<String>(), hostMembers = Set<String>()
        for k in t.kvdbs {
            guard let r = k.runSpec else { continue }
            for m in r.members {
                if r.run.value == .container { containerMembers.insert(m.value) } else { hostMembers.insert(m.value) }
            }
        }
        containerKVDBMembers = containerMembers
        hostKVDBMembers = hostMembers
        if let d = t.docker {
            if d.hosts.isExplicit { dockerConfigured = Set(t.hostNames(d.hosts)) }
            else { dockerConfigured = overlay.union(portworx).union(ecs).union(containerMembers) }
            remapsUserNamespaces = d.usernsRemap != nil
        } else {
            dockerConfigured = []
            remapsUserNamespaces = false
        }
    }

    /// True when a container on `host` runs under a remapping daemon, so
    /// privileged or host-network containers there need `--userns=host`.
    public func remapsUserNamespaces(on host: String) -> Bool {
        remapsUserNamespaces && dockerConfigured.contains(host)
    }

    /// Hosts that run some container: they need Docker installed.
    public func runsContainers(_ host: String) -> Bool {
        portworx.contains(host) || ecs.contains(host) || containerKVDBMembers.contains(host)
    }
}

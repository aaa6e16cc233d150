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
        // `hosts: all` sections share one set of every name: a fleet where
        // overlay, Portworx and ECS all run everywhere hashes its names once,
        // not once per section and again for the union.
        var shared: Set<String>? = nil
        func every() -> Set<String> {
            if shared == nil { shared = Set(t.hosts.map { $0.name.value }) }
            return shared!
        }
        func names(_ set: HostSet?) -> Set<String> {
            guard let set else { return [] }
            return set.isAll ? every() : Set(set.entries.map { $0.value })
        }
        overlay = names(t.overlay?.hosts)
        portworx = names(t.portworx?.hosts)
        ecs = names(t.ecs?.hosts)
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
            if d.hosts.isExplicit {
                dockerConfigured = names(d.hosts)
            } else {
                // Every host that runs a container or is on the overlay: with a
                // `hosts: all` section that is the shared set, and only the
                // explicit lists can add to it.
                let sets = [t.overlay?.hosts, t.portworx?.hosts, t.ecs?.hosts]
                var union = sets.contains { $0?.isAll == true } ? every() : []
                for case let set? in sets where !set.isAll { for e in set.entries where !union.contains(e.value) { union.insert(e.value) } }
                for m in containerMembers where !union.contains(m) { union.insert(m) }
                dockerConfigured = union
            }
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

/// The parts one host plays, as bits: the facts of `HostRoles`' sets for code
/// that walks hosts by position, so no question hashes a host name.
public struct HostRole: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let overlay = HostRole(rawValue: 1 << 0)
    public static let portworx = HostRole(rawValue: 1 << 1)
    public static let ecs = HostRole(rawValue: 1 << 2)
    public static let containerKVDBMember = HostRole(rawValue: 1 << 3)
    public static let hostKVDBMember = HostRole(rawValue: 1 << 4)
    public static let dockerConfigured = HostRole(rawValue: 1 << 5)
    /// Roles that run a container, so the host needs Docker installed.
    public static let runsContainers: HostRole = [.portworx, .ecs, .containerKVDBMember]
}

/// `HostRoles` by host position: one byte per host instead of six sets of
/// names, built without hashing names for `hosts: all` sections. Positions are
/// those of `topology.hosts`, whose names the decoder keeps unique.
public struct HostRoleTable: Sendable {
    /// The roles of each host, indexed by its position in `topology.hosts`.
    public let roles: [HostRole]
    /// True when the `docker` section enables user-namespace remapping.
    public let remapsUserNamespaces: Bool

    public init(_ t: Topology) {
        var roles = [HostRole](repeating: [], count: t.hosts.count)
        func mark(_ set: HostSet?, _ role: HostRole) {
            guard let set else { return }
            if set.isAll {
                for i in roles.indices { roles[i].insert(role) }
            } else {
                for e in set.entries { if let i = t.hostPosition(e.value) { roles[i].insert(role) } }
            }
        }
        mark(t.overlay?.hosts, .overlay)
        mark(t.portworx?.hosts, .portworx)
        mark(t.ecs?.hosts, .ecs)
        for k in t.kvdbs {
            guard let r = k.runSpec else { continue }
            let role: HostRole = r.run.value == .container ? .containerKVDBMember : .hostKVDBMember
            for m in r.members { if let i = t.hostPosition(m.value) { roles[i].insert(role) } }
        }
        if let d = t.docker {
            if d.hosts.isExplicit {
                mark(d.hosts, .dockerConfigured)
            } else {
                let implied: HostRole = [.overlay, .runsContainers]
                for i in roles.indices where !roles[i].isDisjoint(with: implied) { roles[i].insert(.dockerConfigured) }
            }
        }
        self.roles = roles
        remapsUserNamespaces = t.docker?.usernsRemap != nil
    }

    public subscript(position: Int) -> HostRole { roles[position] }

    /// `HostRoles.remapsUserNamespaces(on:)` for the host at `position`.
    public func remapsUserNamespaces(at position: Int) -> Bool {
        remapsUserNamespaces && roles[position].contains(.dockerConfigured)
    }

    /// `HostRoles.runsContainers(_:)` for the host at `position`.
    public func runsContainers(at position: Int) -> Bool {
        !roles[position].isDisjoint(with: .runsContainers)
    }

    /// How many hosts play `role`.
    public func count(of role: HostRole) -> Int {
        roles.reduce(0) { $0 + ($1.isSuperset(of: role) ? 1 : 0) }
    }
}

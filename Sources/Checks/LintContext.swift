import Diagnostics
import Model

/// Everything a rule may look at, computed once per lint run: rules never
/// rebuild host sets, port maps or address lists of their own, so adding a rule
/// never adds another pass over a large fleet.
struct LintContext {
    let topology: Topology
    /// Roles by host position: rules ask per host, and a bit test is cheaper
    /// than hashing the host's name into a set.
    let roles: HostRoleTable
    let ports: PortPlan
    let addresses: AddressPlan
    /// Positions of the Portworx and ECS hosts whose Docker daemon remaps user
    /// namespaces, in the order of their `hosts:`: three rules ask, so they
    /// are found once.
    let remappedPortworxHosts: [Int]
    let remappedECSHosts: [Int]
    /// The spec's raw bytes, for rules that must see comments and ignored keys too.
    let source: SourceText

    init(topology: Topology, source: SourceText) {
        self.topology = topology
        self.source = source
        let roles = HostRoleTable(topology)
        self.roles = roles
        self.ports = PortPlan(topology, roles: roles)
        self.addresses = AddressPlan(topology, roles: roles)
        remappedPortworxHosts = topology.portworx.map { LintContext.remapped($0.hosts, topology, roles) } ?? []
        remappedECSHosts = topology.ecs.map { LintContext.remapped($0.hosts, topology, roles) } ?? []
    }

    /// Positions in `topology.hosts` of a host set's hosts, in file order.
    func positions(_ set: HostSet) -> [Int] { topology.positions(of: set) }

    func hostName(_ position: Int) -> String { topology.hosts[position].name.value }

    /// The names of hosts at `positions`, made only when read: a message lists
    /// five names and a count, so a 100,000-host finding builds five strings.
    func names(_ positions: [Int]) -> LazyMapCollection<[Int], String> {
        positions.lazy.map { topology.hosts[$0].name.value }
    }
}

extension LintContext {
    /// The iface flanneld uses on a host: `overlay.iface` when set (nil if the
    /// host has none of that name), else the host's primary iface.
    func flannelIface(of host: Host, _ overlay: Overlay) -> Iface? {
        guard let name = overlay.iface?.value else { return host.primary }
        return host.ifaces.first { $0.name.value == name }
    }

    /// `flannelIface` by positions, for a walk over every overlay host that
    /// should not copy each host to read one number.
    func flannelIfaceIndex(ofHostAt position: Int, _ overlay: Overlay) -> Int? {
        guard let name = overlay.iface?.value else { return 0 }
        return topology.hosts[position].ifaces.firstIndex { $0.name.value == name }
    }
}

extension LintContext {
    /// Positions of a host set's hosts whose Docker daemon remaps user namespaces.
    private static func remapped(_ set: HostSet, _ t: Topology, _ roles: HostRoleTable) -> [Int] {
        guard roles.remapsUserNamespaces else { return [] }
        // `all` filters the indices directly rather than listing them first.
        if set.isAll { return t.hosts.indices.filter { roles.remapsUserNamespaces(at: $0) } }
        return t.positions(of: set).filter { roles.remapsUserNamespaces(at: $0) }
    }
}

extension Topology {
    /// Positions in `hosts` of a host set's hosts, in file order: rules and the
    /// port plan index hosts by position rather than hashing names again.
    func positions(of set: HostSet) -> [Int] {
        if set.isAll { return Array(hosts.indices) }
        return set.entries.compactMap { hostPosition($0.value) }
    }
}

import Model

/// What every file renderer reads: the topology and its resolved host roles,
/// computed once. Rendering many files (one set per host) through one context
/// keeps the work linear in the number of hosts.
public struct FileRenderContext: Sendable {
    public let topology: Topology
    public let roles: HostRoles

    public init(_ topology: Topology) {
        self.topology = topology
        self.roles = HostRoles(topology)
    }

    /// The deployment's name, as the generated header shows it.
    var specName: String { topology.name.value }

    /// The iface flannel uses on `host`: the overlay's `iface`, else the host's primary one.
    func flannelIface(on host: Host) -> String {
        topology.overlay?.iface?.value ?? host.primary.name.value
    }
}

import Diagnostics
import Values

/// A decoded, type-checked spec (language version 1) with every default resolved.
/// Collections keep the order of the file; lookups by name go through indexes
/// that are never iterated, so nothing downstream sees a Dictionary's order.
public struct Topology: Sendable {
    public var name: Located<String>
    public var description: String?
    public var subnets: [Subnet]
    public var hosts: [Host]
    public var kvdbs: [KVDB]
    public var overlay: Overlay?
    public var docker: Docker?
    public var portworx: Portworx?
    public var ecs: ECS?
    public var lintIgnore: [Located<String>]

    private var hostIndex: [String: Int] = [:]
    private var subnetIndex: [String: Int] = [:]
    private var kvdbIndex: [String: Int] = [:]

    public init(name: Located<String>, description: String?, subnets: [Subnet], hosts: [Host], kvdbs: [KVDB],
                overlay: Overlay?, docker: Docker?, portworx: Portworx?, ecs: ECS?, lintIgnore: [Located<String>]) {
        self.init(name: name, description: description, subnets: subnets, hosts: hosts, kvdbs: kvdbs, overlay: overlay,
                  docker: docker, portworx: portworx, ecs: ecs, lintIgnore: lintIgnore,
                  hostIndex: Topology.firstPositions(of: hosts.lazy.map { $0.name.value }))
    }

    /// With the host index already built: the decoder needs it first, to
    /// resolve references, and a fleet's index costs a hash of every host name.
    init(name: Located<String>, description: String?, subnets: [Subnet], hosts: [Host], kvdbs: [KVDB],
         overlay: Overlay?, docker: Docker?, portworx: Portworx?, ecs: ECS?, lintIgnore: [Located<String>],
         hostIndex: [String: Int]) {
        self.name = name
        self.description = description
        self.subnets = subnets
        self.hosts = hosts
        self.kvdbs = kvdbs
        self.overlay = overlay
        self.docker = docker
        self.portworx = portworx
        self.ecs = ecs
        self.lintIgnore = lintIgnore
        self.hostIndex = hostIndex
        for (i, s) in subnets.enumerated() where subnetIndex[s.name.value] == nil { subnetIndex[s.name.value] = i }
        for (i, k) in kvdbs.enumerated() where kvdbIndex[k.name.value] == nil { kvdbIndex[k.name.value] = i }
    }

    /// Where each name first appears.
    static func firstPositions<S: Sequence>(of names: S) -> [String: Int] where S.Element == String {
        var index: [String: Int] = [:]
        index.reserveCapacity(names.underestimatedCount)
        for (i, name) in names.enumerated() {
            // One hash for a new name; a repeated one gets its first place back.
            if let first = index.updateValue(i, forKey: name) { index[name] = first }
        }
        return index
    }

    public func host(named name: String) -> Host? { hostIndex[name].map { hosts[$0] } }
    public func subnet(named name: String) -> Subnet? { subnetIndex[name].map { subnets[$0] } }
    public func kvdb(named name: String) -> KVDB? { kvdbIndex[name].map { kvdbs[$0] } }
    public func hostPosition(_ name: String) -> Int? { hostIndex[name] }
    /// True when no host name is listed twice (always, once the spec parsed:
    /// `hosts:` is a mapping, and a repeated key is an error).
    public var hasUniqueHostNames: Bool { hostIndex.count == hosts.count }

    /// Host names a host set stands for, in the order of `hosts:` in the file.
    public func hostNames(_ set: HostSet) -> [String] {
        set.isAll ? hosts.map { $0.name.value } : set.entries.map { $0.value }
    }

    /// The endpoints of a kvdb as URLs: its members' primary addresses with the
    /// client port, or the external endpoints as written.
    public func endpoints(of kvdb: KVDB) -> [String] {
        switch kvdb.kind {
        case .external(let e): return e.endpoints.map { $0.value.text }
        case .run(let r):
            return r.members.compactMap { host(named: $0.value) }.map { h in
                "http://\(h.address.urlHost):\(r.clientPort.value)"
            }
        }
    }
}

extension IPAddress {
    /// The address as written inside a URL: IPv6 in brackets.
    public var urlHost: String { isV4 ? description : "[\(description)]" }
}

public enum OperatingSystem: String, Sendable, CaseIterable {
    case centos7, ubuntu1604, ubuntu2204, rocky9

    /// The distribution's package manager, as setup.sh calls it.
    public var packageManager: String {
        switch self {
        case .centos7: return "yum"
        case .rocky9: return "dnf"
        case .ubuntu1604, .ubuntu2204: return "apt-get"
        }
    }

    public var isRedHatFamily: Bool { self == .centos7 || self == .rocky9 }
}

public struct Subnet: Sendable {
    public var name: Located<String>
    public var cidr: Located<CIDR>
    public var mtu: Located<Int>
    public var gateway: Located<IPAddress>?
}

public struct Iface: Sendable {
    public var name: Located<String>
    public var subnet: Located<String>
    public var address: Located<IPAddress>
    /// Resolved: the iface's own `mtu`, else its subnet's.
    public var mtu: Located<Int>
}

public struct Host: Sendable {
    public var name: Located<String>
    public var os: Located<OperatingSystem>
    public var ifaces: [Iface]
    public var devices: [Located<String>]
    /// Where `devices:` was written, if it was.
    public var devicesLocation: SourceLocation?

    public var primary: Iface { ifaces[0] }
    /// The host's address: its primary iface's.
    public var address: IPAddress { ifaces[0].address.value }
}

/// `all` or an explicit list of host names.
public struct HostSet: Sendable {
    public var isAll: Bool
    public var entries: [Located<String>]
    /// The `hosts:` value, or the owning section when it was omitted.
    public var location: SourceLocation
    /// True when `hosts:` was written in the spec.
    public var isExplicit: Bool

    private let members: Set<String>

    public init(isAll: Bool, entries: [Located<String>], location: SourceLocation, isExplicit: Bool) {
        self.isAll = isAll
        self.entries = entries
        self.location = location
        self.isExplicit = isExplicit
        self.members = Set(entries.map { $0.value })
    }

    public func contains(_ host: String) -> Bool { isAll || members.contains(host) }
}

import Diagnostics
import Values

/// An etcd cluster, either run by the plan or external.
public struct KVDB: Sendable {
    public enum Kind: Sendable {
        case run(RunKVDB)
        case external(ExternalKVDB)
    }
    public var name: Located<String>
    public var engine: Located<String>
    public var version: Located<Version>?
    public var kind: Kind

    public var runSpec: RunKVDB? { if case .run(let r) = kind { return r } else { return nil } }
    public var externalSpec: ExternalKVDB? { if case .external(let e) = kind { return e } else { return nil } }
}

public enum RunMode: String, Sendable, CaseIterable { case host, container }
public enum ContainerNetwork: String, Sendable, CaseIterable { case bridge, host }

public struct RunKVDB: Sendable {
    public var run: Located<RunMode>
    public var members: [Located<String>]
    public var clientPort: Located<Int>
    public var peerPort: Located<Int>
    public var extraClientPorts: [Located<Int>]
    public var token: Located<String>
    public var dataDir: Located<String>
    public var image: Located<ImageReference>?
    public var network: Located<ContainerNetwork>
    public var enableV2: Located<Bool>?
    /// Where `members:` was written.
    public var membersLocation: SourceLocation
}

public struct ExternalKVDB: Sendable {
    public var endpoints: [Located<EndpointURL>]
}

public enum FlannelBackend: String, Sendable, CaseIterable {
    case udp, vxlan
    case hostGW = "host-gw"
}

public struct Overlay: Sendable {
    public var type: Located<String>
    public var version: Located<Version>
    public var kvdb: Located<String>
    public var prefix: Located<String>
    public var network: Located<CIDR>
    public var subnetLen: Located<Int>
    public var subnetLenIsDefault: Bool
    public var backend: Located<FlannelBackend>
    public var iface: Located<String>?
    public var ipMasq: Located<Bool>
    public var hosts: HostSet
    public var location: SourceLocation

    /// flannel 0.17 and older talk to etcd through the v2 API only.
    public var usesEtcdV2: Bool { version.value < Version(major: 0, minor: 18) }
}

public struct SubordinateIDs: Sendable {
    public var start: Located<Int>
    public var count: Located<Int>
    public var location: SourceLocation
}

public struct Docker: Sendable {
    public var hosts: HostSet
    public var usernsRemap: Located<String>?
    public var subordinateIDs: SubordinateIDs?
    public var location: SourceLocation

    /// The user that remapped containers run as: `default` means `dockremap`.
    public var remapUser: String? {
        guard let r = usernsRemap?.value else { return nil }
        if r == "default" { return "dockremap" }
        return String(r.split(separator: ":", maxSplits: 1).first ?? Substring(r))
    }
}

public struct PortworxStorage: Sendable {
    public var allDevices: Located<Bool>?
    public var devices: [Located<String>]?
    public var force: Located<Bool>?
    public var zeroStorage: Located<Bool>?
    public var location: SourceLocation
}

public struct Portworx: Sendable {
    public var image: Located<ImageReference>
    public var clusterID: Located<String>
    public var kvdb: Located<String>
    public var hosts: HostSet
    public var storage: PortworxStorage
    public var startPort: Located<Int>
    public var location: SourceLocation

    /// Portworx uses the 22 ports from its start port.
    public static let portCount = 22
}

public enum ECSLogLevel: String, Sendable, CaseIterable { case debug, info, warn, error, crit }

public struct ECSAgent: Sendable {
    public var image: Located<ImageReference>
    public var logLevel: Located<ECSLogLevel>
    public var taskIAMRole: Located<Bool>?
    public var taskIAMRoleNetworkHost: Located<Bool>?
    public var location: SourceLocation
}

public enum VolumeScope: String, Sendable, CaseIterable { case shared, task }

public struct ECSVolume: Sendable {
    public var name: Located<String>
    public var driver: Located<String>?
    public var scope: Located<VolumeScope>?
    public var autoprovision: Located<Bool>?
    public var driverOpts: [(key: Located<String>, value: Located<String>)]
}

public enum ServiceCommand: Sendable {
    case string(String)
    case list([String])
}

public struct VolumeMount: Sendable, Hashable {
    public var volume: String
    public var path: String
    public var readOnly: Bool
}

public enum PortProtocol: String, Sendable, CaseIterable { case tcp, udp }

public struct PortMapping: Sendable, Hashable {
    public var hostPort: Int?
    public var containerPort: Int
    public var proto: PortProtocol
}

public struct ECSService: Sendable {
    public var name: Located<String>
    public var image: Located<ImageReference>
    public var command: Located<ServiceCommand>?
    public var environment: [(key: Located<String>, value: Located<String>)]
    public var links: [Located<String>]
    public var volumes: [Located<VolumeMount>]
    public var ports: [Located<PortMapping>]
    public var memory: Located<Int>?
    public var cpu: Located<Int>?
    public var privileged: Located<Bool>?
    public var networkMode: Located<ContainerNetwork>?
}

public struct ECS: Sendable {
    public var cluster: Located<String>
    public var region: Located<String>
    public var hosts: HostSet
    public var agent: ECSAgent
    public var volumes: [ECSVolume]
    public var services: [ECSService]
    public var location: SourceLocation
}

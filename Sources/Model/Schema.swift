/// The spec language's keys, written once: the decoder checks keys and required
/// keys against these tables, and `topoc schema` turns them into JSON Schema, so
/// the two cannot disagree.
public indirect enum FieldType: Sendable {
    case string
    /// A string matching a regular expression (ECMA-262, for JSON Schema).
    case pattern(String, example: String)
    case name
    case ifaceName
    case integer(min: Int, max: Int)
    case boolean
    case enumeration([String])
    case cidr
    case ipv4CIDR
    case ipAddress
    case port
    case absolutePath
    case devicePath
    case image
    case url
    case awsRegion
    case version
    case section(String)
    case mapOf(key: FieldType, value: FieldType)
    case listOf(FieldType)
    case hostSet
    case oneOf([FieldType])
}

public struct FieldSpec: Sendable {
    public let key: String
    public let type: FieldType
    public let required: Bool
    public let summary: String

    public init(_ key: String, _ type: FieldType, required: Bool = false, _ summary: String) {
        self.key = key
        self.type = type
        self.required = required
        self.summary = summary
    }
}

public struct SectionSpec: Sendable {
    public let id: String
    public let summary: String
    public let fields: [FieldSpec]
    /// The fields' keys, and the required ones, worked out once: the decoder
    /// checks every mapping of a spec against them.
    public let keys: [String]
    let requiredKeys: [String]

    public init(id: String, summary: String, fields: [FieldSpec]) {
        self.id = id
        self.summary = summary
        self.fields = fields
        self.keys = fields.map { $0.key }
        self.requiredKeys = fields.filter { $0.required }.map { $0.key }
    }

    public func field(_ key: String) -> FieldSpec? { fields.first { $0.key == key } }

    /// Whether `key` is one of this section's keys.
    func has(_ key: String) -> Bool { keys.contains { Fields.sameKey($0, key) } }
}

public enum Schema {
    static let nameRegex = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"

    public static let topLevel = SectionSpec(id: "topology", summary: "A topoc topology spec, language version 1.", fields: [
        FieldSpec("version", .integer(min: 1, max: 1), required: true, "Spec language version; only 1."),
        FieldSpec("name", .name, required: true, "The deployment's name; outputs go to <out>/<name>/."),
        FieldSpec("description", .string, "Free text describing the deployment."),
        FieldSpec("defaults", .section("defaults"), "Values used where a host or subnet omits them."),
        FieldSpec("subnets", .mapOf(key: .name, value: .section("subnet")), required: true, "The L2/L3 networks the hosts sit on."),
        FieldSpec("hosts", .mapOf(key: .name, value: .section("host")), required: true, "The machines; at least one."),
        FieldSpec("kvdbs", .mapOf(key: .name, value: .section("kvdb")), "etcd clusters the plan runs, or external ones."),
        FieldSpec("overlay", .section("overlay"), "The Flannel SDN."),
        FieldSpec("docker", .section("docker"), "Docker daemon settings; absent = daemons left as installed."),
        FieldSpec("portworx", .section("portworx"), "The Portworx storage cluster."),
        FieldSpec("ecs", .section("ecs"), "The ECS cluster, its agent and its services."),
        FieldSpec("lint", .section("lint"), "Lint settings for this spec."),
    ])

    public static let defaults = SectionSpec(id: "defaults", summary: "Defaults for hosts and subnets.", fields: [
        FieldSpec("os", .enumeration(OperatingSystem.allCases.map { $0.rawValue }), "Operating system of hosts that do not name one."),
        FieldSpec("mtu", .integer(min: 576, max: 9216), "MTU of subnets that do not give one (else 1500)."),
    ])

    public static let subnet = SectionSpec(id: "subnet", summary: "An L2/L3 network.", fields: [
        FieldSpec("cidr", .cidr, required: true, "The network, host bits zero, e.g. 10.0.6.0/24."),
        FieldSpec("mtu", .integer(min: 576, max: 9216), "Link MTU; default defaults.mtu, else 1500."),
        FieldSpec("gateway", .ipAddress, "Default gateway; must lie inside cidr."),
    ])

    public static let host = SectionSpec(id: "host", summary: "A machine of the cluster.", fields: [
        FieldSpec("os", .enumeration(OperatingSystem.allCases.map { $0.rawValue }), "Operating system; default defaults.os."),
        FieldSpec("ifaces", .mapOf(key: .ifaceName, value: .section("iface")), required: true, "Network interfaces; the first is the primary one."),
        FieldSpec("devices", .listOf(.devicePath), "Block devices for Portworx, e.g. /dev/sdb."),
    ])

    public static let iface = SectionSpec(id: "iface", summary: "A network interface of a host.", fields: [
        FieldSpec("subnet", .name, required: true, "The subnet the interface is on."),
        FieldSpec("address", .ipAddress, required: true, "The interface's address inside its subnet."),
        FieldSpec("mtu", .integer(min: 576, max: 9216), "MTU; default the subnet's."),
    ])

    public static let kvdb = SectionSpec(id: "kvdb", summary: "An etcd cluster run by the plan (run: host|container) or an external one (endpoints).", fields: [
        FieldSpec("engine", .enumeration(["etcd"]), required: true, "The key-value store; only etcd."),
        FieldSpec("version", .version, "etcd version, e.g. \"3.3\"; drives v2/v3 API choices. Required unless endpoints is given."),
        FieldSpec("run", .enumeration(RunMode.allCases.map { $0.rawValue }), "host: distro package + systemd; container: a Docker container under systemd."),
        FieldSpec("members", .listOf(.name), "Hosts that run one member each."),
        FieldSpec("client_port", .port, "Client port; default 2379."),
        FieldSpec("peer_port", .port, "Peer port; default 2380."),
        FieldSpec("extra_client_ports", .listOf(.port), "Additional client listeners."),
        FieldSpec("token", .pattern("^[A-Za-z0-9._-]{1,128}$", example: "flannel-etcd"), "Initial cluster token; default the kvdb's name."),
        FieldSpec("data_dir", .absolutePath, "Data directory; default /var/lib/etcd/<name>."),
        FieldSpec("image", .image, "Container image (run: container only)."),
        FieldSpec("network", .enumeration(ContainerNetwork.allCases.map { $0.rawValue }), "Container network (run: container only); default bridge."),
        FieldSpec("enable_v2", .boolean, "Force the etcd v2 API on; by default on when a v2 client needs it."),
        FieldSpec("endpoints", .listOf(.url), "URLs of an external cluster (instead of run/members)."),
    ])

    public static let overlay = SectionSpec(id: "overlay", summary: "The Flannel overlay network.", fields: [
        FieldSpec("type", .enumeration(["flannel"]), required: true, "Overlay implementation; only flannel."),
        FieldSpec("version", .version, required: true, "flannel version; <=0.17 speaks etcd v2, >=0.18 v3."),
        FieldSpec("kvdb", .name, required: true, "The kvdb flannel keeps its config and leases in."),
        FieldSpec("prefix", .absolutePath, "etcd key prefix; default /coreos.com/network."),
        FieldSpec("network", .ipv4CIDR, required: true, "The overlay address space."),
        FieldSpec("subnet_len", .integer(min: 1, max: 32), "Per-host subnet prefix length; default 24 (prefix+2 for networks longer than /22)."),
        FieldSpec("backend", .enumeration(FlannelBackend.allCases.map { $0.rawValue }), "udp (default), vxlan or host-gw."),
        FieldSpec("iface", .ifaceName, "Interface flanneld uses; default each host's primary iface."),
        FieldSpec("ip_masq", .boolean, "Masquerade traffic leaving the overlay; default false."),
        FieldSpec("hosts", .hostSet, "Hosts on the overlay; default all."),
    ])

    public static let docker = SectionSpec(id: "docker", summary: "Docker daemon settings.", fields: [
        FieldSpec("hosts", .hostSet, "Hosts whose daemon is configured; default every host that runs a container or is on the overlay."),
        FieldSpec("userns_remap", .pattern("^(default|[a-z_][a-z0-9_-]{0,31}(:[a-z_][a-z0-9_-]{0,31})?)$", example: "default"), "User-namespace remapping: default (user dockremap) or a user name."),
        FieldSpec("subordinate_ids", .section("subordinate_ids"), "The /etc/subuid and /etc/subgid range; required with userns_remap."),
    ])

    public static let subordinateIDs = SectionSpec(id: "subordinate_ids", summary: "A subordinate id range.", fields: [
        FieldSpec("start", .integer(min: 1, max: 4_294_967_294), required: true, "First subordinate id."),
        FieldSpec("count", .integer(min: 1, max: 4_294_967_294), required: true, "Number of ids; at least 65536."),
    ])

    public static let portworx = SectionSpec(id: "portworx", summary: "The Portworx storage cluster.", fields: [
        FieldSpec("image", .image, required: true, "portworx/px-enterprise or portworx/px-dev, with or without tag."),
        FieldSpec("cluster_id", .pattern("^[A-Za-z0-9_-]+$", example: "mypxcluster"), required: true, "Cluster id (-c)."),
        FieldSpec("kvdb", .name, required: true, "The kvdb Portworx uses (-k)."),
        FieldSpec("hosts", .hostSet, "Hosts that run Portworx; default all."),
        FieldSpec("storage", .section("storage"), required: true, "Which devices Portworx uses."),
        FieldSpec("start_port", .port, "First of the 22 ports Portworx uses; default 9001."),
    ])

    public static let storage = SectionSpec(id: "storage", summary: "Portworx storage selection.", fields: [
        FieldSpec("all_devices", .boolean, "Use all unused devices (-a)."),
        FieldSpec("devices", .listOf(.devicePath), "Devices to use (-s); default each host's devices."),
        FieldSpec("force", .boolean, "Reformat devices that hold a filesystem (-f)."),
        FieldSpec("zero_storage", .boolean, "Run as a storage-less node (-z)."),
    ])

    public static let ecs = SectionSpec(id: "ecs", summary: "The ECS cluster.", fields: [
        FieldSpec("cluster", .name, required: true, "ECS cluster name (ECS_CLUSTER)."),
        FieldSpec("region", .awsRegion, required: true, "AWS region, e.g. us-west-1."),
        FieldSpec("hosts", .hostSet, "The container instances; default all."),
        FieldSpec("agent", .section("agent"), "The ECS agent's settings."),
        FieldSpec("volumes", .mapOf(key: .name, value: .section("volume")), "Docker volumes for tasks."),
        FieldSpec("services", .mapOf(key: .name, value: .section("service")), "The task's containers."),
    ])

    public static let agent = SectionSpec(id: "agent", summary: "The ECS agent.", fields: [
        FieldSpec("image", .image, "Agent image; default amazon/amazon-ecs-agent:latest."),
        FieldSpec("log_level", .enumeration(ECSLogLevel.allCases.map { $0.rawValue }), "ECS_LOGLEVEL; default info."),
        FieldSpec("task_iam_role", .boolean, "ECS_ENABLE_TASK_IAM_ROLE."),
        FieldSpec("task_iam_role_network_host", .boolean, "ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST."),
    ])

    public static let volume = SectionSpec(id: "volume", summary: "A Docker volume for ECS tasks.", fields: [
        FieldSpec("driver", .pattern("^[A-Za-z0-9][A-Za-z0-9._/:-]{0,127}$", example: "pxd"), "Volume driver, e.g. pxd."),
        FieldSpec("scope", .enumeration(VolumeScope.allCases.map { $0.rawValue }), "shared (outlives tasks) or task."),
        FieldSpec("autoprovision", .boolean, "Create the volume if missing (shared scope only)."),
        FieldSpec("driver_opts", .mapOf(key: .pattern("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", example: "size"), value: .string), "Driver options."),
    ])

    public static let service = SectionSpec(id: "service", summary: "A container of the ECS task.", fields: [
        FieldSpec("image", .image, required: true, "Container image."),
        FieldSpec("command", .oneOf([.string, .listOf(.string)]), "Command (a string, or a list of arguments)."),
        FieldSpec("environment", .mapOf(key: .pattern("^[A-Za-z_][A-Za-z0-9_]*$", example: "REDIS_HOST"), value: .string), "Environment variables."),
        FieldSpec("links", .listOf(.name), "Services this one links to (bridge networking)."),
        FieldSpec("volumes", .listOf(.pattern("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?:/[^:]*(:(ro|rw))?$", example: "demovol:/data")), "Mounts: volume:/path[:ro]."),
        FieldSpec("ports", .listOf(.pattern("^([0-9]{1,5}:)?[0-9]{1,5}(/(tcp|udp))?$", example: "8080:80/tcp")), "Port mappings: host:container[/proto]."),
        FieldSpec("memory", .integer(min: 4, max: 1_048_576), "Hard memory limit in MiB."),
        FieldSpec("cpu", .integer(min: 0, max: 65_536), "CPU units (1024 = one vCPU)."),
        FieldSpec("privileged", .boolean, "Run privileged (refused on a user-namespace-remapped host)."),
        FieldSpec("network_mode", .enumeration(ContainerNetwork.allCases.map { $0.rawValue }), "bridge (default) or host."),
    ])

    public static let lint = SectionSpec(id: "lint", summary: "Lint settings.", fields: [
        FieldSpec("ignore", .listOf(.pattern("^[a-z0-9-]+$", example: "overlay-backend-udp")), "Rules to silence for this spec."),
    ])

    public static let sections: [SectionSpec] = [topLevel, defaults, subnet, host, iface, kvdb, overlay, docker, subordinateIDs, portworx, storage, ecs, agent, volume, service, lint]
}

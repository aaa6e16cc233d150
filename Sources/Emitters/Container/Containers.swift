import Model
import Values

/// The container runs topoc installs as systemd units: a `run: container` etcd
/// member, Portworx and the ECS agent. Each is the guide's `docker run`, made a
/// foreground service and corrected where the guide is wrong.
///
/// Emitters trust a checked topology; given a name it does not know, a function
/// still returns (a run with what it could resolve) rather than crash.
public enum Containers {
    // MARK: etcd

    public static func etcd(kvdb name: String, member: String, in topology: Topology) -> ContainerRun {
        etcd(kvdb: name, member: member, FileRenderContext(topology))
    }

    static func etcd(kvdb name: String, member: String, _ context: FileRenderContext) -> ContainerRun {
        let kvdb = context.topology.kvdb(named: name)
        let run = kvdb?.runSpec
        let version = kvdb?.version?.value
        var flags: [String] = []
        if let run {
            switch run.network.value {
            case .bridge:
                flags.append("--net=bridge")
                let ports = [run.clientPort.value, run.peerPort.value] + run.extraClientPorts.map { $0.value }
                for port in ports { flags += ["-p", "\(port):\(port)"] }
            case .host:
                flags.append("--net=host")
                if context.roles.remapsUserNamespaces(on: member) { flags.append("--userns=host") }
            }
            // The data directory lives on the host: a replaced container keeps its data.
            flags += ["-v", "\(run.dataDir.value):\(run.dataDir.value)"]
        }
        let image = run?.image?.value.description ?? "quay.io/coreos/etcd:v\(version?.description ?? "3.5")"
        var arguments: [String] = []
        if let kvdb, let settings = EtcdMemberSettings(kvdb: kvdb, member: member, in: context.topology,
                                                       listen: run?.network.value == .host ? .hostAddress : .allAddresses) {
            if let version, version.major < 3 {
                // etcd 2.x images have /etcd as entrypoint; the guide's single-dash form.
                for (flag, value) in settings.settings { arguments += ["-" + flag, value] }
            } else {
                // etcd 3.x images have no entrypoint: name the binary. `--flag=value`
                // keeps boolean flags (--enable-v2) from swallowing the next word.
                arguments.append("/usr/local/bin/etcd")
                for (flag, value) in settings.settings { arguments.append("--\(flag)=\(value)") }
            }
        }
        return ContainerRun(name: "etcd-\(name)", image: image, flags: flags, arguments: arguments)
    }

    // MARK: Portworx

    public static func portworx(host: String, in topology: Topology) -> ContainerRun {
        portworx(host: host, FileRenderContext(topology))
    }

    /// The mounts Portworx needs, in the guide's order, plus the kernel headers
    /// (/usr/src and /lib/modules: each scenario of the guide has only one).
    static let portworxVolumes = [
        "/run/docker/plugins:/run/docker/plugins",
        "/var/lib/osd:/var/lib/osd:shared",
        "/dev:/dev",
        "/etc/pwx:/etc/pwx",
        "/opt/pwx/bin:/export_bin:shared",
        "/var/run/docker.sock:/var/run/docker.sock",
        "/var/cores:/var/cores",
        "/usr/src:/usr/src",
        "/lib/modules:/lib/modules",
    ]

    static func portworx(host: String, _ context: FileRenderContext) -> ContainerRun {
        let t = context.topology
        var flags = ["--net=host", "--privileged=true"]
        // A remapping daemon refuses privileged and host-network containers unless
        // they leave the user namespace: the guide's open question, answered.
        if context.roles.remapsUserNamespaces(on: host) { flags.append("--userns=host") }
        flags.append("--ipc=host")
        for volume in portworxVolumes { flags += ["-v", volume] }
        guard let px = t.portworx else {
            return ContainerRun(name: "portworx", image: "portworx/px-enterprise", flags: flags, arguments: ["-daemon"])
        }
        var arguments = ["-daemon"]
        if let kvdb = t.kvdb(named: px.kvdb.value) {
            arguments += ["-k", t.endpoints(of: kvdb).map { "etcd:" + $0 }.joined(separator: ",")]
        }
        arguments += ["-c", px.clusterID.value]
        let storage = px.storage
        let all = storage.allDevices?.value == true, zero = storage.zeroStorage?.value == true
        if all { arguments.append("-a") }
        if !all && !zero {
            let devices = storage.devices ?? t.host(named: host)?.devices ?? []
            for device in devices { arguments += ["-s", device.value] }
        }
        if storage.force?.value == true { arguments.append("-f") }
        if zero { arguments.append("-z") }
        return ContainerRun(name: "portworx", image: px.image.value.description, flags: flags, arguments: arguments)
    }

    // MARK: ECS agent

    public static func ecsAgent(host: String, in topology: Topology) -> ContainerRun {
        ecsAgent(host: host, FileRenderContext(topology))
    }

    static func ecsAgent(host: String, _ context: FileRenderContext) -> ContainerRun {
        var flags = ["--net=host"]
        if context.roles.remapsUserNamespaces(on: host) { flags.append("--userns=host") }
        flags += ["-v", "/var/run/docker.sock:/var/run/docker.sock",
                  "-v", "/var/log/ecs/:/log",
                  "-v", "/var/lib/ecs/data:/data"]
        guard let ecs = context.topology.ecs else {
            return ContainerRun(name: "ecs-agent", image: "amazon/amazon-ecs-agent:latest", flags: flags, arguments: [])
        }
        var environment = [
            ("ECS_LOGFILE", "/log/ecs-agent.log"),
            ("ECS_LOGLEVEL", ecs.agent.logLevel.value.rawValue),
            ("ECS_DATADIR", "/data"),
            ("ECS_CLUSTER", ecs.cluster.value),
        ]
        if let v = ecs.agent.taskIAMRole?.value { environment.append(("ECS_ENABLE_TASK_IAM_ROLE", v ? "true" : "false")) }
        if let v = ecs.agent.taskIAMRoleNetworkHost?.value { environment.append(("ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST", v ? "true" : "false")) }
        let reserved = ReservedPorts(host: host, context)
        environment.append(("ECS_RESERVED_PORTS", ReservedPorts.jsonList(reserved.tcp)))
        if !reserved.udp.isEmpty { environment.append(("ECS_RESERVED_PORTS_UDP", ReservedPorts.jsonList(reserved.udp))) }
        for (name, value) in environment { flags += ["-e", "\(name)=\(value)"] }
        return ContainerRun(name: "ecs-agent", image: ecs.agent.image.value.description, flags: flags, arguments: [])
    }
}

import Model

/// Where each distribution keeps what the plan installs. One place, so the
/// step catalogue never spells a distro-specific path itself.
enum Distro {
    /// The package that ships etcd and its systemd unit: Ubuntu 22.04 split the
    /// server into `etcd-server`; older Ubuntu and the Red Hat family call it `etcd`.
    static func etcdPackage(_ os: OperatingSystem) -> String {
        os == .ubuntu2204 ? "etcd-server" : "etcd"
    }

    /// The environment file the packaged etcd unit reads.
    static func etcdConfigPath(_ os: OperatingSystem) -> String {
        os.isRedHatFamily ? "/etc/etcd/etcd.conf" : "/etc/default/etcd"
    }
}

/// Fixed paths on every host.
enum HostPaths {
    static let systemdDir = "/etc/systemd/system"
    static let usernsSysctl = "/etc/sysctl.d/80-topoc-userns.conf"
    static let ecsSysctl = "/etc/sysctl.d/80-ecs-task-iam.conf"
    static let flanneldSysconfig = "/etc/sysconfig/flanneld"
    static let flanneldUnit = "/etc/systemd/system/flanneld.service"
    static let flannelSubnetEnv = "/run/flannel/subnet.env"
    static let dockerDaemonJSON = "/etc/docker/daemon.json"
    static let dockerFlannelDropIn = "/etc/systemd/system/docker.service.d/10-flannel.conf"
    static let portworxUnit = "/etc/systemd/system/portworx.service"
    static let ecsAgentUnit = "/etc/systemd/system/ecs-agent.service"
    static let subuid = "/etc/subuid"
    static let subgid = "/etc/subgid"

    static func etcdContainerUnit(_ kvdb: String) -> String { "\(systemdDir)/etcd-\(kvdb).service" }
}

import Model
import Planner

/// Renders the bytes of every file the plan installs. The Planner names a file
/// (`FileRef`) and its path; this is the one place that decides its content, so
/// setup.sh and `hosts/<host>/files/` always agree.
public enum FileRenderer {
    public static func content(of file: FileRef, in topology: Topology) -> String {
        content(of: file, context: FileRenderContext(topology))
    }

    /// The same, reusing the resolved host roles: use this when rendering many
    /// files of one topology.
    public static func content(of file: FileRef, context: FileRenderContext) -> String {
        switch file {
        case .etcdConf(let kvdb, let member): return EtcdConf.render(kvdb: kvdb, member: member, context)
        case .etcdContainerUnit(let kvdb, let member): return ContainerUnits.etcd(kvdb: kvdb, member: member, context)
        case .flanneldSysconfig(let host): return FlannelFiles.sysconfig(host: host, context)
        case .flanneldUnit(let host): return FlannelFiles.unit(host: host, context)
        case .dockerDaemonJSON(let host): return DockerFiles.daemonJSON(host: host, context)
        case .dockerFlannelDropIn(let host): return DockerFiles.flannelDropIn(host: host, context)
        case .portworxUnit(let host): return ContainerUnits.portworx(host: host, context)
        case .ecsAgentUnit(let host): return ContainerUnits.ecsAgent(host: host, context)
        case .ecsSysctl: return SysctlFiles.ecs(context)
        case .usernsSysctl: return SysctlFiles.userNamespaces(context)
        }
    }
}

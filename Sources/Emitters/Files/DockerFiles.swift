import Model
import Values

/// The files that configure a host's Docker daemon.
enum DockerFiles {
    /// /etc/docker/daemon.json. userns-remap is set here and only here: dockerd
    /// refuses to start when an option is both a flag and in daemon.json.
    static func daemonJSON(host: String, _ context: FileRenderContext) -> String {
        var members: [(String, OrderedJSON)] = []
        if context.roles.remapsUserNamespaces(on: host), let remap = context.topology.docker?.usernsRemap?.value {
            members.append(("userns-remap", .string(remap)))
        }
        return OrderedJSON.object(members).document()
    }

    /// docker.service.d/flannel.conf: docker starts after flanneld and takes its
    /// bridge address and MTU from flannel's subnet.env at every start (never
    /// values fixed when the spec was compiled: the lease may change).
    static func flannelDropIn(host: String, _ context: FileRenderContext) -> String {
        var unit = UnitFile()
        unit.section("Unit")
        unit.set("Requires", "flanneld.service")
        unit.set("After", "flanneld.service")
        unit.section("Service")
        unit.set("EnvironmentFile", "/run/flannel/subnet.env")
        unit.comment("""
        Assumes docker-ce's docker.service, whose dockerd is socket-activated (-H fd://).
        userns-remap is not repeated here: it lives in /etc/docker/daemon.json only.
        ${FLANNEL_SUBNET} and ${FLANNEL_MTU} are deliberate systemd references to subnet.env.
        """)
        unit.set("ExecStart", "")
        var command = UnitFile.command("/usr/bin/dockerd", ["-H", "fd://"]) + " --bip=${FLANNEL_SUBNET} --mtu=${FLANNEL_MTU}"
        if context.topology.overlay?.ipMasq.value == true {
            // flanneld masquerades the overlay itself; docker doing it too would NAT twice.
            command += " --ip-masq=false"
        }
        unit.set("ExecStart", command)
        return unit.render(spec: context.specName)
    }
}

import Model

/// How flanneld is configured on a host: the packaged unit's sysconfig file
/// (CentOS 7's flannel 0.7.1, Rocky), or a unit of our own elsewhere.
enum FlannelFiles {
    /// The words flanneld needs besides its etcd settings.
    static func options(on host: Host, _ context: FileRenderContext) -> [String] {
        var options = ["-iface=\(context.flannelIface(on: host))"]
        if context.topology.overlay?.ipMasq.value == true { options.append("-ip-masq") }
        return options
    }

    static func endpoints(_ context: FileRenderContext) -> String {
        guard let overlay = context.topology.overlay, let kvdb = context.topology.kvdb(named: overlay.kvdb.value) else { return "" }
        return context.topology.endpoints(of: kvdb).joined(separator: ",")
    }

    /// /etc/sysconfig/flanneld, read by the package's flanneld.service through
    /// `EnvironmentFile=`; `$FLANNEL_OPTIONS` is expanded unquoted there, so its
    /// words are separated by spaces.
    static func sysconfig(host name: String, _ context: FileRenderContext) -> String {
        guard let overlay = context.topology.overlay, let host = context.topology.host(named: name)
        else { return ContainerUnits.missing("no overlay on host '\(name)'", context) }
        var out = GeneratedHeader.lines(spec: context.specName, comment: "#")
        out += "# flanneld options for the distribution's flanneld.service (flannel \(overlay.version.value)).\n"
        out += "FLANNEL_ETCD_ENDPOINTS=" + SystemdQuoting.environmentFileValue(endpoints(context)) + "\n"
        out += "FLANNEL_ETCD_PREFIX=" + SystemdQuoting.environmentFileValue(overlay.prefix.value) + "\n"
        out += "FLANNEL_OPTIONS=" + SystemdQuoting.environmentFileValue(options(on: host, context).joined(separator: " ")) + "\n"
        return out
    }

    /// flanneld.service for hosts whose flannel comes without a unit. flanneld
    /// tells systemd when its subnet is leased (Type=notify), so docker, ordered
    /// after it, finds /run/flannel/subnet.env written.
    static func unit(host name: String, _ context: FileRenderContext) -> String {
        guard let overlay = context.topology.overlay, let host = context.topology.host(named: name)
        else { return ContainerUnits.missing("no overlay on host '\(name)'", context) }
        var after = ["network-online.target"]
        if let kvdb = context.topology.kvdb(named: overlay.kvdb.value)?.runSpec,
           kvdb.run.value == .host, kvdb.members.contains(where: { $0.value == name }) {
            after.append("etcd.service")
        }
        var unit = UnitFile()
        unit.section("Unit")
        unit.set("Description", SystemdQuoting.text("flannel overlay network agent (flannel \(overlay.version.value))"))
        unit.set("After", after.joined(separator: " "))
        unit.set("Wants", "network-online.target")
        unit.set("Before", "docker.service")
        unit.section("Service")
        unit.set("Type", "notify")
        unit.set("ExecStart", UnitFile.command("/usr/bin/flanneld", [
            "-etcd-endpoints=\(endpoints(context))",
            "-etcd-prefix=\(overlay.prefix.value)",
        ] + options(on: host, context)))
        unit.set("Restart", "on-failure")
        unit.set("RestartSec", "5")
        unit.section("Install")
        unit.set("WantedBy", "multi-user.target")
        unit.set("RequiredBy", "docker.service")
        return unit.render(spec: context.specName)
    }
}

import Model

/// /etc/etcd/etcd.conf for a `run: host` member, in the syntax of the file the
/// CentOS/Ubuntu etcd packages ship and their etcd.service reads through
/// `EnvironmentFile=`: one `ETCD_*="value"` per line.
enum EtcdConf {
    static func render(kvdb name: String, member: String, _ context: FileRenderContext) -> String {
        var out = GeneratedHeader.lines(spec: context.specName, comment: "#")
        guard let kvdb = context.topology.kvdb(named: name),
              let settings = EtcdMemberSettings(kvdb: kvdb, member: member, in: context.topology, listen: .hostAddress)
        else { return ContainerUnits.missing("kvdb '\(name)' has no member '\(member)' that topoc runs", context) }
        out += "# etcd member '\(member)' of kvdb '\(name)', for the distribution's etcd.service.\n"
        for (flag, value) in settings.settings {
            out += EtcdMemberSettings.environmentName(flag) + "=" + SystemdQuoting.environmentFileValue(value) + "\n"
        }
        return out
    }
}

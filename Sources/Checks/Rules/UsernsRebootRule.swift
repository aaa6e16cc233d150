import Diagnostics
import Model

/// CentOS 7 needs kernel arguments and a reboot for user namespaces.
enum UsernsRebootRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "userns-reboot", severity: .info,
        summary: "CentOS 7 hosts need kernel arguments and a reboot before user namespaces work.",
        explanation: """
        What: userns_remap is on for CentOS 7 hosts.
        Why: CentOS 7 kernels ship with user namespaces off: they need \
        user_namespace.enable=1 on the kernel command line (7.2/7.3), and from 7.4 \
        namespace.unpriv_enable=1 and user.max_user_namespaces > 0. Kernel arguments \
        take effect only after a reboot. setup.sh sets them with grubby, records that, \
        and exits with status 3 asking for a reboot; run it again afterwards and it \
        continues. Newer distributions have user namespaces on.
        Fix: nothing to fix; plan the reboot. Moving to rocky9 avoids it.
        Example: the flannel-userns scenario (three CentOS 7 nodes).
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let d = c.topology.docker, let remap = d.usernsRemap, c.roles.remapsUserNamespaces else { return [] }
        let hosts = c.topology.hosts.indices.filter { c.roles.remapsUserNamespaces(at: $0) && c.topology.hosts[$0].os.value == .centos7 }
        guard !hosts.isEmpty else { return [] }
        return [finding("CentOS 7 on \(Phrases.hosts(c.names(hosts))) needs the kernel arguments user_namespace.enable=1 and namespace.unpriv_enable=1 (set with grubby) and a reboot before user namespaces work: setup.sh sets them and exits 3; reboot and run it again",
                        at: remap.location)]
    }
}

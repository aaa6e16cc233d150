import Diagnostics
import Model

/// etcd data on a filesystem that is emptied at boot.
enum KVDBDataEphemeralRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "kvdb-data-ephemeral", severity: .warning,
        summary: "A kvdb's data_dir is on a tmpfs location (/tmp, /run, /var/run, /dev/shm).",
        explanation: """
        What: `data_dir` is /tmp, /run, /var/run or /dev/shm, or below one of them.
        Why: these are tmpfs (or cleaned at boot) on the supported distributions. After \
        a reboot the member starts with an empty directory: a lone member forgets the \
        flannel config and leases or Portworx's cluster state; in a cluster it can no \
        longer rejoin under its old identity.
        Fix: keep etcd data on persistent disk, e.g. the default /var/lib/etcd/<kvdb>.
        Example: `data_dir: /tmp/etcd` -> remove it.
        """)

    static let ephemeral = ["/tmp", "/run", "/var/run", "/dev/shm"]

    static func isEphemeral(_ path: String) -> String? {
        ephemeral.first { path == $0 || path == $0 + "/" || path.hasPrefix($0 + "/") }
    }

    static func check(_ c: LintContext) -> [Diagnostic] {
        c.topology.kvdbs.compactMap { k in
            guard let r = k.runSpec, let root = isEphemeral(r.dataDir.value) else { return nil }
            return finding("data_dir \(r.dataDir.value) of kvdb '\(k.name.value)' is under \(root), which is emptied at boot: etcd would lose its data on every reboot; use a persistent path such as /var/lib/etcd/\(k.name.value)",
                           at: r.dataDir.location)
        }
    }
}

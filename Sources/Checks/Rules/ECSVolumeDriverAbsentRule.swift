import Diagnostics
import Model

/// A pxd volume on ECS hosts without Portworx.
enum ECSVolumeDriverAbsentRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "ecs-volume-driver-absent", severity: .warning,
        summary: "An ECS volume uses the pxd driver, but some ECS hosts do not run Portworx.",
        explanation: """
        What: an `ecs.volumes` entry has `driver: pxd` and an ECS host is not in \
        `portworx.hosts` (or there is no portworx section).
        Why: the pxd volume plugin is served by Portworx on each host. ECS uses a \
        volume's driver for task placement, so tasks that mount the volume can only \
        run where Portworx runs (capacity the spec counts on is not there), and a task \
        that lands on such a host anyway cannot create its volume.
        Fix: run Portworx on every ECS host, or restrict the ECS hosts to Portworx ones.
        Example: `ecs: {hosts: all}` with `portworx: {hosts: [ecs1, ecs2, ecs3]}` \
        and an ecs4.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs, e.volumes.contains(where: { $0.driver?.value == "pxd" }) else { return [] }
        let missing = c.positions(e.hosts).filter { !c.roles[$0].contains(.portworx) }
        guard !missing.isEmpty else { return [] }
        return e.volumes.compactMap { v in
            guard let d = v.driver, d.value == "pxd" else { return nil }
            return finding("ECS volume '\(v.name.value)' uses the pxd driver, but Portworx, which provides it, does not run on ECS \(Phrases.hosts(c.names(missing))): tasks that mount it cannot run there; run Portworx on every ECS host",
                           at: d.location)
        }
    }
}

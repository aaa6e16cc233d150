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
        Why: the pxd volume plugin is served by Portworx on each host. ECS may place a \
        task on any container instance; where Portworx does not run, the task fails \
        to start because its volume driver is missing.
        Fix: run Portworx on every ECS host, or restrict the ECS hosts to Portworx ones.
        Example: `ecs: {hosts: all}` with `portworx: {hosts: [ecs1, ecs2, ecs3]}` \
        and an ecs4.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs else { return [] }
        let missing = c.positions(e.hosts).map(c.hostName).filter { !c.roles.portworx.contains($0) }
        guard !missing.isEmpty else { return [] }
        return e.volumes.compactMap { v in
            guard let d = v.driver, d.value == "pxd" else { return nil }
            return finding("ECS volume '\(v.name.value)' uses the pxd driver, but Portworx, which provides it, does not run on ECS \(Phrases.hosts(missing)): tasks placed there fail to start; run Portworx on every ECS host",
                           at: d.location)
        }
    }
}

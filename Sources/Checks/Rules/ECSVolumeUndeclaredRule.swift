import Diagnostics
import Model
import Values

/// A service mounts a volume that ecs.volumes does not declare.
enum ECSVolumeUndeclaredRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "ecs-volume-undeclared", severity: .error,
        summary: "A service mounts a volume that ecs.volumes does not declare.",
        explanation: """
        What: a service's `volumes` entry names a volume missing from `ecs.volumes`.
        Why: ecs-cli reads a volume's driver, scope and autoprovision from ecs-params.yml \
        docker_volumes, and the name must be declared in both files; the task \
        definition would otherwise refer to a volume that does not exist and \
        registration fails (or a local, unreplicated volume is used).
        Fix: declare the volume under `ecs.volumes` (e.g. `{driver: pxd, scope: \
        shared, autoprovision: true}`) or fix the name.
        Example: `volumes: ["demovl:/data"]` -> `["demovol:/data"]`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs else { return [] }
        let declared = e.volumes.map { $0.name.value }
        let known = Set(declared)
        var out: [Diagnostic] = []
        for s in e.services {
            for m in s.volumes where !known.contains(m.value.volume) {
                var message = "service '\(s.name.value)' mounts volume '\(m.value.volume)', which ecs.volumes does not declare"
                if let guess = EditDistance.suggestion(for: m.value.volume, among: declared) { message += "; did you mean '\(guess)'?" }
                else { message += "; declare it under ecs.volumes with its driver and scope" }
                out.append(finding(message, at: m.location))
            }
        }
        return out
    }
}

import Diagnostics
import Model

/// autoprovision on a volume whose scope is not shared.
enum ECSAutoprovisionScopeRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "ecs-autoprovision-scope", severity: .error,
        summary: "An ECS volume sets autoprovision: true with a scope other than shared.",
        explanation: """
        What: `autoprovision: true` on a volume whose `scope` is task or left out \
        (ECS's default scope is task).
        Why: autoprovision is only used with `scope: shared` (AWS \
        DockerVolumeConfiguration). With scope task ECS ignores it: every task gets a \
        fresh volume that is deleted when the task stops, so the data the spec meant \
        to keep (a Portworx volume that outlives tasks) is lost.
        Fix: `scope: shared` (a volume that outlives tasks, as Portworx volumes do), or \
        drop autoprovision.
        Example: `{driver: pxd, autoprovision: true}` -> \
        `{driver: pxd, scope: shared, autoprovision: true}`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs else { return [] }
        return e.volumes.compactMap { v in
            guard let a = v.autoprovision, a.value, v.scope?.value != .shared else { return nil }
            let scope = v.scope.map { "scope \($0.value.rawValue)" } ?? "no scope (ECS's default is task)"
            return finding("ECS volume '\(v.name.value)' sets autoprovision with \(scope): autoprovision only applies with scope: shared; ECS ignores it and gives each task a fresh volume deleted when the task stops; set scope: shared",
                           at: a.location, notes: v.scope.map { [Note("the scope is set here", at: $0.location)] } ?? [])
        }
    }
}

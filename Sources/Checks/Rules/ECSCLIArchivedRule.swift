import Diagnostics
import Model

/// ecs-cli is archived upstream.
enum ECSCLIArchivedRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "ecs-cli-archived", severity: .info,
        summary: "ecs-cli is archived upstream; topoc also writes a task definition for the AWS CLI.",
        explanation: """
        What: the spec has an `ecs` section.
        Why: the guide deploys with `ecs-cli compose`, but the amazon-ecs-cli project \
        is archived and gets no fixes. topoc writes ecs/docker-compose.yml and \
        ecs/ecs-params.yml for it, and also ecs/task-definition.json (volumes as \
        dockerVolumeConfiguration) for `aws ecs register-task-definition`.
        Fix: nothing to fix; prefer the task definition with the AWS CLI or your \
        infrastructure tool.
        Example: the ecs-demo scenario.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs else { return [] }
        return [finding("ecs-cli is archived upstream: besides ecs/docker-compose.yml and ecs/ecs-params.yml for it, topoc writes ecs/task-definition.json for `aws ecs register-task-definition`",
                        at: e.location)]
    }
}

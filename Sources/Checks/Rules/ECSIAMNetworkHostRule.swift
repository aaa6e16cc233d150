import Diagnostics
import Model

/// Task IAM roles for host-network tasks without task IAM roles.
enum ECSIAMNetworkHostRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "ecs-iam-network-host", severity: .error,
        summary: "agent.task_iam_role_network_host is on while task_iam_role is not.",
        explanation: """
        What: `ecs.agent.task_iam_role_network_host: true` without `task_iam_role: true`.
        Why: ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST extends task IAM roles to host-network \
        tasks; without ECS_ENABLE_TASK_IAM_ROLE there are no task roles to extend, and \
        tasks silently fall back to the instance's role, which is usually broader.
        Fix: set `task_iam_role: true` too, or drop the network-host flag.
        Example: `agent: {task_iam_role_network_host: true}` -> \
        `agent: {task_iam_role: true, task_iam_role_network_host: true}`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let a = c.topology.ecs?.agent, let n = a.taskIAMRoleNetworkHost, n.value, a.taskIAMRole?.value != true else { return [] }
        let notes = a.taskIAMRole.map { [Note("task_iam_role is false here", at: $0.location)] } ?? []
        return [finding("task_iam_role_network_host needs task_iam_role: true: without task roles, host-network tasks get the instance's role; set task_iam_role: true",
                        at: n.location, notes: notes)]
    }
}

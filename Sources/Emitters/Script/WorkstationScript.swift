import Model
import Planner

/// `workstation/setup.sh`: the steps an operator runs from their own machine
/// (ecs-cli and the AWS CLI), or nil when the spec has no ECS cluster.
///
/// It never handles credentials: ecs-cli and aws read AWS_ACCESS_KEY_ID /
/// AWS_SECRET_ACCESS_KEY or AWS_PROFILE from the environment themselves. The
/// script only refuses to start when none is set, so the failure is clear.
public enum WorkstationScript {
    public static func render(_ plan: Plan, topology: Topology) -> String? {
        guard topology.ecs != nil, !plan.steps(on: Plan.workstation).isEmpty else { return nil }
        var assembler = ScriptAssembler(
            plan: plan, context: FileRenderContext(topology), host: Plan.workstation,
            scriptPath: "workstation/setup.sh",
            summary: "starts the ECS services of plan \(plan.name) from an operator's machine; run it once every host's setup.sh has finished.",
            os: nil)
        assembler.variables = ["topoc_register_task_definition=0"]
        assembler.options = [
            .init(pattern: "--register-task-definition", code: "topoc_register_task_definition=1",
                  help: "register ecs/task-definition.json with aws ecs instead of ecs-cli compose up"),
        ]
        assembler.beforeSteps = [
            "# The ecs/ files are named relative to this script.",
            "cd \"$(dirname \"${BASH_SOURCE[0]}\")\"",
            "if [ \"$topoc_dry_run\" = 0 ] && [ -z \"${AWS_PROFILE:-}\" ] &&",
            "  { [ -z \"${AWS_ACCESS_KEY_ID:-}\" ] || [ -z \"${AWS_SECRET_ACCESS_KEY:-}\" ]; }; then",
            "  echo 'topoc: workstation: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in the environment first (ecs-cli and aws read them from there; topoc never stores them)' >&2",
            "  exit 1",
            "fi",
        ]
        assembler.stepPrologue = { step in
            switch step.name {
            case Plan.composeUpStep:
                return ["if [ \"$topoc_register_task_definition\" = 1 ]; then",
                        "  topoc_log 'skipped: --register-task-definition starts the task with aws ecs instead'",
                        "  return 0", "fi"]
            case Plan.registerTaskDefinitionStep:
                return ["if [ \"$topoc_register_task_definition\" = 0 ]; then",
                        "  topoc_log 'skipped: runs only with --register-task-definition (compose-up starts the services)'",
                        "  return 0", "fi"]
            default:
                return []
            }
        }
        return assembler.render()
    }
}

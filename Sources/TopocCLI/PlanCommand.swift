import Emitters
import Planner
import Values

/// `topoc plan SPEC [--host NAME]`: the runbook.
enum PlanCommand {
    static func run(_ context: CommandContext) -> Int32 {
        guard let spec = context.loadSpecs(ignoring: [])?.first else { return 2 }
        guard let plan = spec.checked.plan else {
            context.renderDiagnostics([spec], format: "text")
            return 1
        }
        let host = context.arguments.value("host")
        if let host, !plan.hosts.contains(host) {
            var m = "no host named '\(host)' in the plan"
            if let s = EditDistance.suggestion(for: host, among: plan.hosts) { m += "; did you mean '\(s)'?" }
            return context.usageError(m + " (hosts: \(plan.hosts.joined(separator: ", ")))")
        }
        context.console.out(Runbook.render(plan, host: host))
        return 0
    }
}

enum GraphCommand { static func run(_ context: CommandContext) -> Int32 { context.console.err("topoc: graph is not built yet\n"); return 2 } }
enum PlanCommand { static func run(_ context: CommandContext) -> Int32 { context.console.err("topoc: plan is not built yet\n"); return 2 } }

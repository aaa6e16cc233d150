import Emitters
import Foundation

/// `topoc graph SPEC [--format dot|json] [-o FILE]`.
enum GraphCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let format = context.arguments.value("format") ?? "dot"
        guard ["dot", "json"].contains(format) else { return context.usageError("--format must be dot or json, not '\(format)'") }
        guard let spec = context.loadSpecs(ignoring: [])?.first else { return 2 }
        guard let plan = spec.checked.plan else {
            context.renderDiagnostics([spec], format: "text")
            return 1
        }
        let text = format == "dot" ? GraphDOT.render(plan) : PlanJSON.render(plan)
        guard let output = context.arguments.value("output") else {
            context.console.out(text)
            return 0
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            context.console.err("topoc: cannot write '\(output)': \(error.localizedDescription)\n")
            return 2
        }
        return 0
    }
}

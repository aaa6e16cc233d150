/// `topoc lint`: diagnostics for each spec.
enum LintCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let format = context.arguments.value("format") ?? "text"
        guard ["text", "json", "sarif"].contains(format) else { return context.usageError("--format must be text, json or sarif, not '\(format)'") }
        guard let ignoring = context.ignoredRules() else { return 2 }
        guard let specs = context.loadSpecs(ignoring: ignoring, plans: false) else { return 2 }
        context.renderDiagnostics(specs, format: format, toStandardOutput: true)
        let strict = context.arguments.has("strict")
        let failed = specs.contains { $0.errorCount > 0 || (strict && $0.warningCount > 0) }
        return failed ? 1 : 0
    }
}

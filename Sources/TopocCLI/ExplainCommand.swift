import Values

/// `topoc explain [RULE]`.
enum ExplainCommand {
    static func run(_ context: CommandContext) -> Int32 {
        let rules = Topoc.allRules
        guard let name = context.arguments.positionals.first else {
            let width = rules.map { $0.name.count }.max() ?? 0
            var out = ""
            for r in rules {
                out += r.name + String(repeating: " ", count: width - r.name.count + 2)
                out += r.severity.rawValue + String(repeating: " ", count: 9 - r.severity.rawValue.count)
                out += r.summary + "\n"
            }
            context.console.out(out)
            return 0
        }
        guard let rule = rules.first(where: { $0.name == name }) else {
            var m = "topoc: no rule named '\(name)'"
            if let s = EditDistance.suggestion(for: name, among: rules.map { $0.name }) { m += "; did you mean '\(s)'?" }
            context.console.err(m + " (topoc explain lists them)\n")
            return 2
        }
        context.console.out("\(rule.name) (\(rule.severity.rawValue)): \(rule.summary)\n\n\(rule.explanation)\n")
        return 0
    }
}

import Diagnostics

/// One lint rule: its documentation and a pure check over the derived facts of
/// a topology. Each rule lives in its own file under `Rules/`, with the text
/// `topoc explain` prints beside the code that enforces it.
protocol LintRule {
    static var descriptor: RuleDescriptor { get }
    static func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
    /// A finding of this rule, with the rule's own name and severity.
    static func finding(_ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(descriptor.severity, rule: descriptor.name, message, at: location, notes: notes)
    }
}

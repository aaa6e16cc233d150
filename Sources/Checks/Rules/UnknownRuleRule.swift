import Diagnostics
import Model
import Values

/// A `lint.ignore` entry that names no rule.
enum UnknownRuleRule {
    static let descriptor = RuleDescriptor(
        name: "unknown-rule", severity: .warning,
        summary: "A lint.ignore entry names no rule.",
        explanation: """
        What: an entry of the spec's `lint: {ignore: [...]}` is not the name of any \
        rule (`topoc explain` lists them).
        Why: a misspelt entry silences nothing, so the finding it was meant to silence \
        keeps appearing, or, worse, someone believes a rule is off when it is not.
        Fix: use the suggested name, or remove the entry.
        Example: `ignore: [portworx-force-fromat]` -> `portworx-force-format`.
        """)

    static func check(_ entries: [Located<String>], known: [String]) -> [Diagnostic] {
        let names = Set(known)
        return entries.compactMap { e in
            guard !names.contains(e.value) else { return nil }
            var message = "lint.ignore names no rule '\(e.value)', so it silences nothing"
            if let s = EditDistance.suggestion(for: e.value, among: known) { message += "; did you mean '\(s)'?" }
            else { message += "; `topoc explain` lists the rules" }
            return Diagnostic(descriptor.severity, rule: descriptor.name, message, at: e.location)
        }
    }
}

import Checks
import Diagnostics
import Emitters
import Model
import Planner
import Syntax

/// A spec after every checking phase: its diagnostics, and the topology and
/// plan when there was no error.
public struct CheckedSpec {
    public let source: SourceText
    public var diagnostics: [Diagnostic]
    public let topology: Topology?
    public let plan: Plan?

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// The compiler's phases in order, as pure functions of the spec's bytes: the
/// command line, the fuzz targets and the benchmarks all run exactly this.
public enum Pipeline {
    /// Rule names outside the linter, which `lint.ignore` may also name.
    static let frontEndAndPlannerRules = (SyntaxRules.all + ModelRules.all + Planner.rules).map { $0.name }

    /// Parse, decode, lint and plan. Lint runs only on a spec that decoded without
    /// errors (checks over a half-understood spec would mislead), and planning
    /// only on one that linted without errors. Without `plans` (lint), the
    /// planner only looks for its diagnostics and the result has no plan.
    public static func check(_ bytes: [UInt8], ignoring: [String] = [], plans: Bool = true) -> CheckedSpec {
        let source = SourceText(bytes: bytes)
        let front = frontEnd(source)
        var diagnostics = front.diagnostics
        let topology = front.topology
        var plan: Plan? = nil
        if let t = topology, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += Linter.lint(t, source: source, ignoring: ignoring, otherRuleNames: frontEndAndPlannerRules)
            if !diagnostics.contains(where: { $0.severity == .error }) {
                let planned = plans ? Planner.plan(t) : (plan: nil, diagnostics: Planner.diagnostics(t))
                let ignored = Set(ignoring + t.lintIgnore.map { $0.value })
                diagnostics += planned.diagnostics.filter { !ignored.contains($0.rule) }
                plan = planned.plan
            }
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        let failed = diagnostics.contains { $0.severity == .error }
        return CheckedSpec(source: source, diagnostics: diagnostics, topology: failed ? nil : topology, plan: failed ? nil : plan)
    }

    /// Parse and decode. The node tree lives only in here: on a fleet spec it
    /// is the largest thing topoc builds, and nothing after decoding needs it.
    private static func frontEnd(_ source: SourceText) -> (diagnostics: [Diagnostic], topology: Topology?) {
        let parsed = YAMLParser.parse(source)
        guard !parsed.hasFatalError else { return (parsed.diagnostics, nil) }
        let decoded = TopologyDecoder.decode(parsed.root)
        return (parsed.diagnostics + decoded.diagnostics, decoded.topology)
    }

    /// The output tree of a spec that checked without errors.
    public static func outputs(_ spec: CheckedSpec) -> [OutputFile]? {
        guard let topology = spec.topology, let plan = spec.plan else { return nil }
        return OutputTree.build(topology, plan: plan)
    }
}

import Planner
import Values

/// `plan.json`: the same graph as graph.dot for programs, nodes in plan order
/// and edges in plan order, 2-space indentation, one trailing newline.
public enum PlanJSON {
    public static func render(_ plan: Plan) -> String {
        let q = JSONQuoting.quote
        var out = "{\n  \"name\": \(q(plan.name)),\n  \"nodes\": ["
        for (i, s) in plan.steps.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"id\": \(q(s.id)),\n"
            out += "      \"host\": \(q(s.host)),\n"
            out += "      \"step\": \(q(s.name)),\n"
            out += "      \"phase\": \(s.phase),\n"
            out += "      \"label\": \(q(s.label)),\n"
            out += "      \"component\": \(q(s.component))\n"
            out += "    }"
        }
        out += plan.steps.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"edges\": ["
        for (i, e) in plan.edges.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"from\": \(q(e.from)),\n"
            out += "      \"to\": \(q(e.to)),\n"
            out += "      \"reason\": \(q(e.reason))\n"
            out += "    }"
        }
        out += plan.edges.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }
}

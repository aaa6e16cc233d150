import Planner
import Values

/// `plan.json`: the same graph as graph.dot for programs, nodes in plan order
/// and edges in plan order, 2-space indentation, one trailing newline.
public enum PlanJSON {
    public static func render(_ plan: Plan) -> String {
        // Appended piece by piece (no interpolation temporaries): a fleet's
        // plan has hundreds of thousands of nodes and edges.
        var out = "{\n  \"name\": "
        JSONQuoting.append(plan.name, to: &out)
        out += ",\n  \"nodes\": ["
        for (i, s) in plan.steps.enumerated() {
            out += i == 0 ? "\n    {\n" : ",\n    {\n"
            member("id", s.id, to: &out)
            member("host", s.host, to: &out)
            member("step", s.name, to: &out)
            out += "      \"phase\": "
            out += String(s.phase)
            out += ",\n"
            member("label", s.label, to: &out)
            member("component", s.component, last: true, to: &out)
        }
        out += plan.steps.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"edges\": ["
        for (i, e) in plan.edges.enumerated() {
            out += i == 0 ? "\n    {\n" : ",\n    {\n"
            member("from", e.from, to: &out)
            member("to", e.to, to: &out)
            member("reason", e.reason, last: true, to: &out)
        }
        out += plan.edges.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }

    /// `"key": value` of a node or edge object; the last one closes the object.
    private static func member(_ key: String, _ value: String, last: Bool = false, to out: inout String) {
        out += "      \""
        out += key
        out += "\": "
        JSONQuoting.append(value, to: &out)
        out += last ? "\n    }" : ",\n"
    }
}

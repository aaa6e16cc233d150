import Values

/// SARIF 2.1.0 for code-scanning tools: the rules that can fire, with their
/// descriptions and help, and one result per diagnostic.
public enum SARIFRenderer {
    public static func render(_ reports: [FileReport], rules: [RuleDescriptor], toolVersion: String) -> String {
        func q(_ s: String) -> String { JSONQuoting.quote(s) }
        func level(_ s: Severity) -> String {
            switch s {
            case .error: return "error"
            case .warning: return "warning"
            case .info: return "note"
            }
        }
        var out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
        out += "    \"tool\": {\"driver\": {\"name\": \"topoc\", \"version\": \(q(toolVersion)), \"informationUri\": \"https://example.invalid/topoc\", \"rules\": ["
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() {
            index[r.name] = i
            out += i == 0 ? "\n" : ",\n"
            out += "      {\"id\": \(q(r.name)), \"name\": \(q(r.name)), \"shortDescription\": {\"text\": \(q(r.summary))}, "
            out += "\"fullDescription\": {\"text\": \(q(r.summary))}, \"help\": {\"text\": \(q(r.explanation))}, "
            out += "\"defaultConfiguration\": {\"level\": \(q(level(r.severity)))}}"
        }
        out += "\n    ]}},\n    \"results\": ["
        var first = true
        for report in reports {
            for d in report.diagnostics {
                out += first ? "\n" : ",\n"
                first = false
                out += "      {\"ruleId\": \(q(d.rule)), "
                if let i = index[d.rule] { out += "\"ruleIndex\": \(i), " }
                out += "\"level\": \(q(level(d.severity))), \"message\": {\"text\": \(q(d.message))}, "
                out += "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(q(report.file))}, "
                out += "\"region\": {\"startLine\": \(d.location.line), \"startColumn\": \(d.location.column)}}}]"
                if !d.notes.isEmpty {
                    out += ", \"relatedLocations\": ["
                    for (i, n) in d.notes.enumerated() {
                        if i > 0 { out += ", " }
                        out += "{\"id\": \(i), \"message\": {\"text\": \(q(n.message))}"
                        if let l = n.location {
                            out += ", \"physicalLocation\": {\"artifactLocation\": {\"uri\": \(q(report.file))}, \"region\": {\"startLine\": \(l.line), \"startColumn\": \(l.column)}}"
                        }
                        out += "}"
                    }
                    out += "]"
                }
                out += "}"
            }
        }
        out += "\n    ]\n  }]\n}\n"
        return out
    }
}

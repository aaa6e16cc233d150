import Values

/// The `--format json` form of SPEC §2: one object with every diagnostic and a
/// summary of counts.
public enum JSONRenderer {
    public static func render(_ reports: [FileReport]) -> String {
        var out = "{\"version\": 1,\n \"diagnostics\": ["
        var first = true
        var errors = 0, warnings = 0, infos = 0
        for report in reports {
            errors += report.errorCount
            warnings += report.warningCount
            infos += report.infoCount
            for d in report.diagnostics {
                out += first ? "\n   " : ",\n   "
                first = false
                out += "{\"severity\": \(JSONQuoting.quote(d.severity.rawValue)), \"rule\": \(JSONQuoting.quote(d.rule)), "
                out += "\"message\": \(JSONQuoting.quote(d.message)), \"file\": \(JSONQuoting.quote(report.file)), "
                out += "\"line\": \(d.location.line), \"column\": \(d.location.column), \"notes\": ["
                for (i, n) in d.notes.enumerated() {
                    if i > 0 { out += ", " }
                    out += "{\"message\": \(JSONQuoting.quote(n.message))"
                    if let l = n.location {
                        out += ", \"file\": \(JSONQuoting.quote(report.file)), \"line\": \(l.line), \"column\": \(l.column)"
                    }
                    out += "}"
                }
                out += "]}"
            }
        }
        out += first ? "],\n" : "],\n"
        out += " \"summary\": {\"errors\": \(errors), \"warnings\": \(warnings), \"infos\": \(infos)}}\n"
        return out
    }
}

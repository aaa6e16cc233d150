/// Compiler-style text: `file:line:col: severity: message [rule]`, the source line
/// with a caret under the value, then the notes.
public struct TextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for d in report.diagnostics {
                render(d, in: report, into: &out)
            }
        }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityWord(_ s: Severity) -> String {
        switch s {
        case .error: return paint("error", "1;31")
        case .warning: return paint("warning", "1;33")
        case .info: return paint("info", "1;36")
        }
    }

    func render(_ d: Diagnostic, in report: FileReport, into out: inout String) {
        let loc = d.location
        out += paint("\(report.file):\(loc.line):\(loc.column):", "1")
        out += " \(severityWord(d.severity)): \(singleLine(d.message)) [\(d.rule)]\n"
        if let fullLine = report.source.line(loc.line) {
            // Long lines (minified or hostile files) are shown as a window around
            // the column, so the caret stays on screen.
            var line = fullLine
            var column = loc.column
            if fullLine.count > 160 {
                let start = max(0, loc.column - 60)
                line = (start > 0 ? "…" : "") + String(fullLine.dropFirst(start).prefix(120)) + "…"
                column = loc.column - start + (start > 0 ? 1 : 0)
            }
            let loc = SourceLocation(line: loc.line, column: column, length: loc.length)
            let number = String(loc.line)
            let gutter = String(repeating: " ", count: max(0, 5 - number.count))
            out += "\(gutter)\(number) | \(printable(line))\n"
            // Control characters are shown escaped, which shifts the caret; keep it
            // under the right character by measuring the escaped prefix.
            let prefixWidth = printable(String(line.prefix(max(0, loc.column - 1)))).count
            // Mirror tabs from the source so the caret lines up under the value.
            var pad = ""
            for ch in printable(String(line.prefix(max(0, loc.column - 1)))) { pad += ch == "\t" ? "\t" : " " }
            if prefixWidth < loc.column - 1 && line.count < loc.column - 1 { pad += String(repeating: " ", count: loc.column - 1 - line.count) }
            let remaining = max(1, min(loc.length, line.count - (loc.column - 1)))
            let marker = "^" + String(repeating: "~", count: max(0, remaining - 1))
            out += "      | \(pad)\(paint(marker, "1;32"))\n"
        }
        for note in d.notes {
            if let nl = note.location {
                out += paint("\(report.file):\(nl.line):\(nl.column):", "1")
                out += " \(paint("note", "1;30")): \(singleLine(note.message))\n"
            } else {
                out += "      = \(paint("note", "1;30")): \(singleLine(note.message))\n"
            }
        }
    }

    /// Messages quote spec values, which may contain newlines or escape
    /// sequences; a report must never let a spec drive the terminal.
    private func singleLine(_ s: String) -> String { printable(s) }

    private func printable(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\t" { out += "\t" }
            else if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

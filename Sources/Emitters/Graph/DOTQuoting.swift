/// DOT double-quoted strings: `"` and `\` are escaped, and a newline becomes
/// the `\n` escape that Graphviz renders as a centred line break. Other
/// control characters are dropped (DOT has no escape for them).
enum DOTQuoting {
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A label of several lines; each line is escaped, joined by `\n` escapes.
    static func label(_ lines: [String]) -> String {
        quote(lines.joined(separator: "\n"))
    }
}

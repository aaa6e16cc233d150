/// DOT double-quoted strings: `"` and `\` are escaped, and a newline becomes
/// the `\n` escape that Graphviz renders as a centred line break. Other
/// control characters are dropped (DOT has no escape for them).
enum DOTQuoting {
    static func quote(_ s: String) -> String {
        // Most names and labels need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || $0 == 0x7f }) {
            return "\"" + s + "\""
        }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
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

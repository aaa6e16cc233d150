import Values

/// DOT double-quoted strings: `"` and `\` are escaped, and a newline becomes
/// the `\n` escape that Graphviz renders as a centred line break. Other
/// control characters are dropped (DOT has no escape for them).
enum DOTQuoting {
    /// `quote(s)` appended to `out`, without a temporary for the common case.
    static func append(_ s: String, to out: inout String) {
        ByteEscaping.appendQuoted(s, to: &out, needsEscape: needsEscape, quoted: quote)
    }

    private static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5c || b == 0x7f }

    static func quote(_ s: String) -> String {
        // Most names and labels need no escape: copy them whole.
        if !ByteEscaping.contains(s, where: needsEscape) { return "\"" + s + "\"" }
        return ByteEscaping.escape(s, open: "\"", close: "\"") { b, out in
            switch b {
            case UInt8(ascii: "\""): ByteEscaping.append("\\\"", to: &out)
            case UInt8(ascii: "\\"): ByteEscaping.append("\\\\", to: &out)
            case UInt8(ascii: "\n"): ByteEscaping.append("\\n", to: &out)
            case 0..<0x20, 0x7f: break
            default: return false
            }
            return true
        }
    }

    /// A label of several lines; each line is escaped, joined by `\n` escapes.
    static func label(_ lines: [String]) -> String {
        quote(lines.joined(separator: "\n"))
    }
}

import Values

/// DOT double-quoted strings: `"` and `\` are escaped, and a newline becomes
/// the `\n` escape that Graphviz renders as a centred line break. Other
/// control characters are dropped (DOT has no escape for them).
enum DOTQuoting {
    static func quote(_ s: String) -> String {
        // Most names and labels need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || $0 == 0x7f }) {
            return "\"" + s + "\""
        }
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

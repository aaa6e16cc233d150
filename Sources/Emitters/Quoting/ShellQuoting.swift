import Values

/// Quotes a string as one bash word. Words made only of characters that no shell
/// treats specially are left bare, so generated scripts stay readable; anything
/// else is single-quoted, where bash interprets nothing, and an embedded `'` is
/// closed, escaped and reopened (`'\''`) — except words holding `$` or a
/// backtick: those are double-quoted with `\ " $` and the backtick escaped,
/// because shellcheck flags `$` inside single quotes (SC2016) and the scripts
/// must be shellcheck-clean whatever the spec says. NUL cannot be part of a
/// shell word at all (no C string carries it), so it is dropped; the spec
/// rejects it earlier.
public enum ShellQuoting {
    public static func quote(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy(isBare) { return s }
        if s.utf8.contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "`") }) {
            return ByteEscaping.escape(s, open: "\"", close: "\"") { b, out in
                switch b {
                case 0: return true
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "`"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                    return true
                default: return false
                }
            }
        }
        return ByteEscaping.escape(s, open: "'", close: "'") { b, out in
            switch b {
            case 0: return true
            case UInt8(ascii: "'"):
                ByteEscaping.append("'\\''", to: &out)
                return true
            default: return false
            }
        }
    }

    /// Letters, digits and `_ @ % + = : , . / -`: none of them starts an expansion,
    /// a glob, a comment or a redirection anywhere in a word.
    static func isBare(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="),
             UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

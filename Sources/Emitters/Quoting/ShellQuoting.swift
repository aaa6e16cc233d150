/// Quotes a string as one bash word. Words made only of characters that no shell
/// treats specially are left bare, so generated scripts stay readable; anything
/// else is single-quoted, where bash interprets nothing, and an embedded `'` is
/// closed, escaped and reopened (`'\''`). NUL cannot be part of a shell word at
/// all (no C string carries it), so it is dropped; the spec rejects it earlier.
public enum ShellQuoting {
    public static func quote(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy(isBare) { return s }
        var out = "'"
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "'": out += "'\\''"
            case "\u{0}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "'"
        return out
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

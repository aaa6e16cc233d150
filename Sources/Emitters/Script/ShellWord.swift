/// Quotes a string as one bash word for the generated scripts.
///
/// Words made only of characters no shell treats specially stay bare, for
/// readability. Anything else is single-quoted (bash interprets nothing there;
/// an embedded `'` becomes `'\''`) — except words holding `$` or a backtick:
/// those are double-quoted with `\ " $` and the backtick escaped, because
/// shellcheck flags `$` inside single quotes (SC2016) and the scripts must be
/// shellcheck-clean whatever the spec says. NUL cannot be in a shell word and is
/// dropped (the spec rejects it earlier).
enum ShellWord {
    static func quote(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy(isBare) { return s }
        let expands = s.utf8.contains(UInt8(ascii: "$")) || s.utf8.contains(UInt8(ascii: "`"))
        var out = expands ? "\"" : "'"
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            if scalar == "\u{0}" { continue }
            if expands {
                if scalar == "\\" || scalar == "\"" || scalar == "$" || scalar == "`" { out += "\\" }
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" {
                out += "'\\''"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out += expands ? "\"" : "'"
        return out
    }

    /// An argument vector as one command line.
    static func command(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }

    /// Letters, digits and `_ @ % + = : , . / -`: none starts an expansion, a
    /// glob, a comment or a redirection anywhere in a word.
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

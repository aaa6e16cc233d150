/// JSON string literals (RFC 8259): quotes, backslash and control characters are
/// escaped; everything else, including non-ASCII, passes through as UTF-8 so that
/// output stays readable and byte-identical everywhere.
public enum JSONQuoting {
    /// `quote(s)` appended to `out`, without a temporary for the common case.
    public static func append(_ s: String, to out: inout String) {
        ByteEscaping.appendQuoted(s, to: &out, needsEscape: mayNeedEscape, quoted: quote)
    }

    /// Bytes that may need an escape; a string without any is copied whole.
    /// 0xe2 leads the UTF-8 of U+2028 and U+2029, which are escaped too.
    private static func mayNeedEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5c || b == 0x7f || b == 0xe2 }

    public static func quote(_ s: String) -> String {
        if !ByteEscaping.contains(s, where: mayNeedEscape) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}

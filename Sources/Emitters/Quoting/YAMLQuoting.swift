/// YAML scalars for the files topoc writes (read by PyYAML in docker-compose,
/// by Go YAML in ecs-cli): YAML 1.1, where a bare `no`, `on` or `1e3` would not
/// be the string it looks like.
public enum YAMLQuoting {
    /// A double-quoted scalar: the one YAML style that can carry any string,
    /// since every character outside the printable set has an escape.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x5c: out += "\\\\"
            case 0x22: out += "\\\""
            case 0x00: out += "\\0"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0a: out += "\\n"
            case 0x0b: out += "\\v"
            case 0x0c: out += "\\f"
            case 0x0d: out += "\\r"
            case 0x1b: out += "\\e"
            case 0x85: out += "\\N"
            case 0xa0: out += "\\_"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case let v where v < 0x20 || (v >= 0x7f && v < 0xa0) || (v >= 0xd800 && v < 0xe000) || v == 0xfeff || v == 0xfffe || v == 0xffff:
                out += "\\u" + hex4(v)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// The string bare when YAML 1.1 reads it back as that same string (a
    /// lowercase word such as a service name or `redis` or `portworx/px-dev`),
    /// else `quote(s)`. Keeps generated files readable without guessing.
    public static func scalar(_ s: String) -> String {
        guard let first = s.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
              s.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                                  || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }),
              !reservedWords.contains(s)
        else { return quote(s) }
        return s
    }

    /// Words YAML 1.1 resolves to booleans or null (lowercase is all `scalar`
    /// lets through).
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    private static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<4).reversed().map { digits[Int(v >> (UInt32($0) * 4)) & 0xf] })
    }
}

import Values

/// Quoting for systemd unit files and the environment files units read.
///
/// A unit file line goes through two passes: specifiers (`%n`, `%h`, ...) are
/// resolved on the raw text first, then the value is split into words with
/// C-style unescaping inside double quotes. `ExecStart=` words are expanded a
/// third time when the command runs: `$NAME` and `${NAME}` are environment
/// references. So a literal `%` is written `%%` everywhere in a unit, and a
/// literal `$` is written `$$` in command lines (`Environment=` values are never
/// variable-expanded, so there a `$` stays as it is).
///
/// NUL cannot appear in a unit, an argv word or an environment value, so it is
/// dropped; the spec rejects it before anything reaches here.
public enum SystemdQuoting {
    /// One word of an `ExecStart=`/`ExecStop=` command line (not the executable):
    /// bare when it holds nothing systemd treats specially, else double-quoted.
    public static func argument(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy(ShellQuoting.isBareForUnit) { return s }
        return doubleQuoted(s, doubleDollar: true)
    }

    /// The value of an `Environment=NAME=value` assignment in a unit file:
    /// write `Environment=NAME=` followed by this. Quoting starts mid-word, which
    /// systemd's word splitter accepts, so the assignment stays one word.
    public static func environmentValue(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy(ShellQuoting.isBareForUnit) { return s }
        return doubleQuoted(s, doubleDollar: false)
    }

    /// A value in a file read through `EnvironmentFile=` (etcd.conf,
    /// /etc/sysconfig/flanneld): always double-quoted, as the distributions
    /// write them. That parser resolves no specifiers and no C escapes; inside
    /// double quotes a backslash escapes only `"`, `\`, `` ` `` and `$`, and
    /// everything else, newlines included, is taken literally.
    public static func environmentFileValue(_ s: String) -> String {
        ByteEscaping.escape(s, open: "\"", close: "\"") { b, out in
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "$"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
                return true
            case 0: return true
            default: return false
            }
        }
    }

    /// A free-text value such as `Description=`: not split into words, only
    /// specifier-expanded, so `%` is doubled and a line break (which would end
    /// the setting) becomes a space; a trailing backslash, which would continue
    /// the line, is dropped.
    static func text(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x25 || $0 == 0x0a || $0 == 0x0d || $0 == 0 }) && s.utf8.last != 0x5c {
            return s
        }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%%"
            case "\n", "\r": out += " "
            case "\u{0}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        while out.hasSuffix("\\") { out.removeLast() }
        return out
    }

    private static func doubleQuoted(_ s: String, doubleDollar: Bool) -> String {
        ByteEscaping.escape(s, open: "\"", close: "\"") { b, out in
            switch b {
            case UInt8(ascii: "\\"): ByteEscaping.append("\\\\", to: &out)
            case UInt8(ascii: "\""): ByteEscaping.append("\\\"", to: &out)
            case UInt8(ascii: "%"): ByteEscaping.append("%%", to: &out)
            case UInt8(ascii: "$"): ByteEscaping.append(doubleDollar ? "$$" : "$", to: &out)
            case UInt8(ascii: "\n"): ByteEscaping.append("\\n", to: &out)
            case UInt8(ascii: "\t"): ByteEscaping.append("\\t", to: &out)
            case UInt8(ascii: "\r"): ByteEscaping.append("\\r", to: &out)
            case 0: break
            case 0x01..<0x20, 0x7f:
                ByteEscaping.append("\\x", to: &out)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xf)])
            default: return false
            }
            return true
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension ShellQuoting {
    /// Bare in a unit file: the shell-safe set minus `%` (a specifier there).
    static func isBareForUnit(_ b: UInt8) -> Bool { b != UInt8(ascii: "%") && isBare(b) }
}

/// Reads a systemd unit back the way systemd does, independently of the
/// emitters' quoting code: continuation lines, sections, `Key=value`, and a
/// command line split into argv (specifiers first, then words with quotes and
/// C escapes, then `$` references), so a test can compare what a service would
/// really be started with against what the spec says.
struct UnitReader {
    struct Setting: Equatable {
        let section: String
        let key: String
        let value: String
    }

    let settings: [Setting]

    init(_ text: String) {
        var out: [Setting] = []
        var section = ""
        var pending: String? = nil
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if pending == nil {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("#") || trimmed.hasPrefix(";") || trimmed.isEmpty { continue }
            } else if line.hasPrefix("#") || line.hasPrefix(";") {
                continue  // comment lines inside a continuation are skipped
            }
            if let p = pending { line = p + line }
            // A trailing backslash joins the next line; it becomes a space.
            if line.hasSuffix("\\") { pending = String(line.dropLast()) + " "; continue }
            pending = nil
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                section = String(trimmed.dropFirst().dropLast())
                continue
            }
            guard let eq = trimmed.firstIndex(of: "=") else { continue }
            out.append(Setting(section: section, key: String(trimmed[..<eq]).trimmingWhitespace(),
                               value: String(trimmed[trimmed.index(after: eq)...]).trimmingWhitespace()))
        }
        settings = out
    }

    func values(_ key: String) -> [String] { settings.filter { $0.key == key }.map { $0.value } }
    func value(_ key: String) -> String? { values(key).last }

    /// A parsed command line: its argv and the `$NAME`/`${NAME}` references
    /// systemd would expand from the environment.
    struct Command: Equatable {
        var prefixes: String
        var argv: [String]
        var references: [String]
    }

    enum ParseError: Error, Equatable { case unknownSpecifier(Character), unterminatedQuote, badEscape }

    /// Splits an `ExecStart=` value the way systemd does.
    static func command(_ value: String) throws -> Command {
        let resolved = try resolveSpecifiers(value)
        var words = try splitWords(resolved)
        var prefixes = ""
        if var first = words.first {
            while let c = first.first, "-@+!:".contains(c) { prefixes.append(c); first.removeFirst() }
            words[0] = first
        }
        var references: [String] = []
        let argv = words.map { expandDollars($0, references: &references) }
        return Command(prefixes: prefixes, argv: argv, references: references)
    }

    /// `%%` is a literal `%`; any other specifier would be replaced by systemd
    /// with something from the unit's context, which no topoc value may trigger.
    static func resolveSpecifiers(_ s: String) throws -> String {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "%" else { out.append(c); continue }
            guard let n = it.next() else { throw ParseError.unknownSpecifier(" ") }
            if n == "%" { out.append("%") } else { throw ParseError.unknownSpecifier(n) }
        }
        return out
    }

    /// Words separated by whitespace; double or single quotes group; C escapes
    /// (`\n`, `\t`, `\\`, `\"`, `\xNN`) are resolved inside and outside quotes.
    static func splitWords(_ s: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character? = nil
        var chars = Array(s)
        chars.append(" ")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quote == nil && (c == " " || c == "\t") {
                if inWord { words.append(word); word = ""; inWord = false }
                i += 1
                continue
            }
            inWord = true
            if c == "\\" {
                guard i + 1 < chars.count - 1 else { throw ParseError.badEscape }  // the last char is the added space
                let n = chars[i + 1]
                switch n {
                case "n": word.append("\n")
                case "t": word.append("\t")
                case "r": word.append("\r")
                case "\\", "\"", "'", " ": word.append(n)
                case "x":
                    guard i + 3 < chars.count - 1, let v = UInt8(String(chars[i + 2...i + 3]), radix: 16) else { throw ParseError.badEscape }
                    word.unicodeScalars.append(Unicode.Scalar(v))
                    i += 2
                default: throw ParseError.badEscape
                }
                i += 2
                continue
            }
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else {
                word.append(c)
            }
            i += 1
        }
        if quote != nil { throw ParseError.unterminatedQuote }
        return words
    }

    /// `$$` is a literal `$`; `$NAME` and `${NAME}` are environment references,
    /// kept as written and listed.
    static func expandDollars(_ word: String, references: inout [String]) -> String {
        var out = ""
        let chars = Array(word)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "$" && i + 1 < chars.count {
                let n = chars[i + 1]
                if n == "$" { out.append("$"); i += 2; continue }
                if n == "{", let close = chars[(i + 2)...].firstIndex(of: "}") {
                    references.append(String(chars[(i + 2)..<close]))
                    out += String(chars[i...close])
                    i = close + 1
                    continue
                }
                if n == "_" || n.isLetter {
                    var j = i + 1
                    while j < chars.count, chars[j] == "_" || chars[j].isLetter || chars[j].isNumber { j += 1 }
                    references.append(String(chars[(i + 1)..<j]))
                    out += String(chars[i..<j])
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

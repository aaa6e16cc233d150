import Values

/// A systemd unit (or drop-in) as ordered sections of `Key=value` lines.
/// Values are written as given: callers quote them with `SystemdQuoting`, and
/// command lines are built with `UnitFile.command`, so each value is quoted once,
/// at the place that knows its syntax.
struct UnitFile {
    /// The sections as text, built as the unit is described: a unit is written
    /// once per host, so keeping lines in arrays only to join them later was
    /// most of what writing one cost.
    private var body = ""
    private var inSection = false

    /// Starts a new `[name]` section; later `set` calls go into it.
    mutating func section(_ name: String) {
        body += "\n[" + name + "]\n"
        inSection = true
    }

    mutating func set(_ key: String, _ value: String) {
        if !inSection { section("Unit") }
        body += key + "=" + value + "\n"
    }

    /// A comment line in the current section (lines starting with `#`).
    mutating func comment(_ text: String) {
        if !inSection { section("Unit") }
        // Each line break starts another comment line. Done on bytes: splitting
        // a String into lines walks it Character by Character, grapheme rules
        // and all, at hundreds of instructions a character.
        body += "# "
        body += ByteEscaping.escape(text) { b, out in
            guard b == 0x0a else { return false }
            ByteEscaping.append("\n# ", to: &out)
            return true
        }
        body += "\n"
    }

    /// The file text after the generated header, sections separated by a blank line.
    func render(spec: String) -> String {
        GeneratedHeader.lines(spec: spec, comment: "#") + body
    }

    /// A command line: the executable (an absolute path topoc chose, never spec
    /// text) followed by each argument quoted as one word.
    static func command(_ executable: String, _ arguments: [String]) -> String {
        ([executable] + arguments.map(SystemdQuoting.argument)).joined(separator: " ")
    }
}

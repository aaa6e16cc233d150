/// A systemd unit (or drop-in) as ordered sections of `Key=value` lines.
/// Values are written as given: callers quote them with `SystemdQuoting`, and
/// command lines are built with `UnitFile.command`, so each value is quoted once,
/// at the place that knows its syntax.
struct UnitFile {
    struct Section {
        let name: String
        var lines: [String] = []
    }

    private(set) var sections: [Section] = []

    /// Starts a new `[name]` section; later `set` calls go into it.
    mutating func section(_ name: String) {
        sections.append(Section(name: name))
    }

    mutating func set(_ key: String, _ value: String) {
        if sections.isEmpty { section("Unit") }
        sections[sections.count - 1].lines.append("\(key)=\(value)")
    }

    /// A comment line in the current section (lines starting with `#`).
    mutating func comment(_ text: String) {
        if sections.isEmpty { section("Unit") }
        // A one-line comment (most are) needs no Character-by-Character split.
        if !text.utf8.contains(0x0a) {
            sections[sections.count - 1].lines.append("# " + text)
            return
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            sections[sections.count - 1].lines.append("# " + line)
        }
    }

    /// The file text after the generated header, sections separated by a blank line.
    func render(spec: String) -> String {
        var out = GeneratedHeader.lines(spec: spec, comment: "#")
        for s in sections {
            out += "\n[\(s.name)]\n"
            for line in s.lines { out += line + "\n" }
        }
        return out
    }

    /// A command line: the executable (an absolute path topoc chose, never spec
    /// text) followed by each argument quoted as one word.
    static func command(_ executable: String, _ arguments: [String]) -> String {
        ([executable] + arguments.map(SystemdQuoting.argument)).joined(separator: " ")
    }
}

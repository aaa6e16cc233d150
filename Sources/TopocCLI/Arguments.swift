/// A small table-driven argument parser (no package can be fetched, and the
/// command line is small): each command declares its options; parsing reports
/// an unknown option or a missing value as a usage error.
struct OptionSpec {
    let long: String
    let short: Character?
    let valueName: String?
    let help: String

    init(_ long: String, short: Character? = nil, value: String? = nil, _ help: String) {
        self.long = long
        self.short = short
        self.valueName = value
        self.help = help
    }
}

struct CommandSpec {
    let name: String
    let usage: String
    let summary: String
    let options: [OptionSpec]
    let positionals: ClosedRange<Int>
    let positionalName: String
}

struct ParsedArguments {
    var positionals: [String] = []
    /// Values of each option in command-line order; flags get "".
    var options: [(String, String)] = []

    func has(_ long: String) -> Bool { options.contains { $0.0 == long } }
    func value(_ long: String) -> String? { options.last { $0.0 == long }?.1 }
    func values(_ long: String) -> [String] { options.filter { $0.0 == long }.map { $0.1 } }
}

struct UsageError: Error {
    let message: String
}

enum ArgumentParser {
    static func parse(_ args: [String], for command: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name = arg
            var inline: String? = nil
            let spec: OptionSpec?
            if arg.hasPrefix("--") {
                if let eq = arg.firstIndex(of: "=") {
                    name = String(arg[..<eq])
                    inline = String(arg[arg.index(after: eq)...])
                }
                let long = String(name.dropFirst(2))
                spec = command.options.first { $0.long == long }
            } else {
                guard arg.count == 2 else { throw UsageError(message: "unknown option '\(arg)' for '\(command.name)'") }
                spec = command.options.first { $0.short == arg.last }
            }
            guard let spec else { throw UsageError(message: "unknown option '\(name)' for '\(command.name)'") }
            if spec.valueName != nil {
                if let inline { parsed.options.append((spec.long, inline)) }
                else {
                    guard i < args.count else { throw UsageError(message: "option '--\(spec.long)' needs a value (\(spec.valueName!))") }
                    parsed.options.append((spec.long, args[i]))
                    i += 1
                }
            } else {
                if inline != nil { throw UsageError(message: "option '--\(spec.long)' takes no value") }
                parsed.options.append((spec.long, ""))
            }
        }
        if parsed.has("help") { return parsed }
        if !command.positionals.contains(parsed.positionals.count) {
            if parsed.positionals.count < command.positionals.lowerBound {
                throw UsageError(message: "'\(command.name)' needs \(command.positionalName)")
            }
            throw UsageError(message: "'\(command.name)' takes at most \(command.positionals.upperBound) \(command.positionalName); got \(parsed.positionals.count)")
        }
        return parsed
    }

    static func help(for command: CommandSpec) -> String {
        var out = "usage: \(command.usage)\n\n\(command.summary)\n"
        if !command.options.isEmpty {
            out += "\noptions:\n"
            for o in command.options {
                var left = "  "
                if let s = o.short { left += "-\(s), " }
                left += "--\(o.long)"
                if let v = o.valueName { left += " \(v)" }
                let pad = max(2, 28 - left.count)
                out += left + String(repeating: " ", count: pad) + o.help + "\n"
            }
        }
        return out
    }
}

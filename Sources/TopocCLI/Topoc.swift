import Checks
import Diagnostics
import Model
import Planner
import Syntax
import Values

/// The `topoc` command line. Returns the exit status: 0 success, 1 the spec has
/// errors (or --check found drift), 2 a usage or I/O problem.
public enum Topoc {
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(Commands.overview)
            return 2
        }
        switch first {
        case "--help", "-h":
            console.out(Commands.overview)
            return 0
        case "--version", "-V":
            console.out("topoc \(TopocVersion.string)\n")
            return 0
        default:
            break
        }
        guard let command = Commands.named(first) else {
            var message = "topoc: unknown command '\(first)'"
            if let s = EditDistance.suggestion(for: first, among: Commands.all.map { $0.name }) { message += "; did you mean '\(s)'?" }
            console.err(message + "\nusage: topoc compile|lint|graph|plan|explain|schema|completion|help ... (see topoc --help)\n")
            return 2
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command)
        } catch let e as UsageError {
            console.err("topoc: \(e.message)\nusage: \(command.usage)\n")
            return 2
        } catch {
            return 2
        }
        if parsed.has("help") {
            console.out(ArgumentParser.help(for: command))
            return 0
        }
        let context = CommandContext(console: console, arguments: parsed, command: command)
        switch command.name {
        case "lint": return LintCommand.run(context)
        case "compile": return CompileCommand.run(context)
        case "graph": return GraphCommand.run(context)
        case "plan": return PlanCommand.run(context)
        case "explain": return ExplainCommand.run(context)
        case "schema": return SchemaCommand.run(context)
        case "completion": return CompletionCommand.run(context)
        case "help":
            if let name = parsed.positionals.first {
                guard let c = Commands.named(name) else {
                    console.err("topoc: no command named '\(name)'\n")
                    return 2
                }
                console.out(ArgumentParser.help(for: c))
            } else {
                console.out(Commands.overview)
            }
            return 0
        default:
            return 2
        }
    }

    /// Every rule topoc can report, front end first, for `explain` and SARIF.
    public static let allRules: [RuleDescriptor] = SyntaxRules.all + ModelRules.all + Linter.rules + Planner.rules
}

struct CommandContext {
    let console: Console
    let arguments: ParsedArguments
    let command: CommandSpec

    func usageError(_ message: String) -> Int32 {
        console.err("topoc: \(message)\nusage: \(command.usage)\n")
        return 2
    }

    var useColour: Bool { console.isTerminal && console.environment("NO_COLOR") == nil }

    /// `--ignore` values, each checked against the rule names (exit 2 when unknown).
    func ignoredRules() -> [String]? {
        let names = Set(Topoc.allRules.map { $0.name })
        var out: [String] = []
        for r in arguments.values("ignore") {
            guard names.contains(r) else {
                var m = "unknown rule '\(r)' for --ignore"
                if let s = EditDistance.suggestion(for: r, among: Topoc.allRules.map { $0.name }) { m += "; did you mean '\(s)'?" }
                _ = usageError(m)
                return nil
            }
            out.append(r)
        }
        return out
    }

    /// Loads every spec; nil after reporting an I/O failure. Without `plans`
    /// (lint needs only diagnostics) no plan is built.
    func loadSpecs(ignoring: [String], plans: Bool = true) -> [LoadedSpec]? {
        var specs: [LoadedSpec] = []
        for path in arguments.positionals {
            do { specs.append(try SpecLoader.load(path, ignoring: ignoring, plans: plans)) }
            catch let f as ReadFailure {
                console.err("topoc: \(f.message)\n")
                return nil
            } catch { return nil }
        }
        KeepAlive.retain(specs)
        return specs
    }

    /// Diagnostics go to standard output for `lint` (they are its result) and to
    /// standard error for the other commands (whose result is something else).
    func renderDiagnostics(_ specs: [LoadedSpec], format: String, toStandardOutput: Bool = false) {
        let reports = specs.map { $0.report }
        switch format {
        case "json": console.out(JSONRenderer.render(reports))
        case "sarif": console.out(SARIFRenderer.render(reports, rules: Topoc.allRules, toolVersion: TopocVersion.string))
        default:
            let text = TextRenderer(colour: useColour).render(cappedReports(reports))
            if toStandardOutput { console.out(text) } else { console.err(text) }
        }
    }

    /// Text output shows the first 200 findings of a file: past that a reader
    /// learns nothing more, and a hostile spec must not flood a terminal.
    private func cappedReports(_ reports: [FileReport]) -> [FileReport] {
        reports.map { r in
            guard r.diagnostics.count > 200 else { return r }
            var c = r
            let omitted = r.diagnostics.count - 200
            c.diagnostics = Array(r.diagnostics.prefix(200))
            if var last = c.diagnostics.popLast() {
                last.notes.append(Note("\(omitted) more diagnostics not shown (use --format json for all)"))
                c.diagnostics.append(last)
            }
            return c
        }
    }
}

/// The command table: names, usage lines and options of every command.
enum Commands {
    static let help = OptionSpec("help", short: "h", "show this help")
    static let strict = OptionSpec("strict", "treat warnings as errors")
    static let ignore = OptionSpec("ignore", value: "RULE", "silence a lint rule (repeatable)")

    static let lint = CommandSpec(
        name: "lint", usage: "topoc lint SPEC... [--strict] [--ignore RULE]... [--format text|json|sarif]",
        summary: "Check specs and print diagnostics. Exit 0 when clean (warnings allowed unless --strict), 1 on errors, 2 on a usage or I/O problem.",
        options: [strict, ignore, OptionSpec("format", value: "FORMAT", "text (default), json or sarif"), help],
        positionals: 1...Int.max, positionalName: "at least one SPEC file")
    static let compile = CommandSpec(
        name: "compile", usage: "topoc compile SPEC... [-o DIR] [--check] [--strict] [--ignore RULE]... [--format text|json]",
        summary: "Lint, then write DIR/<name>/ (default DIR: Outputs) atomically. Nothing is written on any error. --check writes nothing and exits 1 if the tree on disk differs, listing the files.",
        options: [OptionSpec("output", short: "o", value: "DIR", "output directory (default Outputs)"),
                  OptionSpec("check", "compare with the tree on disk instead of writing"),
                  strict, ignore, OptionSpec("format", value: "FORMAT", "diagnostics as text (default) or json"), help],
        positionals: 1...Int.max, positionalName: "at least one SPEC file")
    static let graph = CommandSpec(
        name: "graph", usage: "topoc graph SPEC [--format dot|json] [-o FILE]",
        summary: "Print the dependency graph of deployment steps as Graphviz DOT (default) or plan.json's JSON.",
        options: [OptionSpec("format", value: "FORMAT", "dot (default) or json"), OptionSpec("output", short: "o", value: "FILE", "write to FILE instead of standard output"), help],
        positionals: 1...1, positionalName: "one SPEC file")
    static let plan = CommandSpec(
        name: "plan", usage: "topoc plan SPEC [--host NAME]",
        summary: "Print the deployment as a runbook, phase by phase: which host does what and what it waits for.",
        options: [OptionSpec("host", value: "NAME", "only the steps of this host (or workstation)"), help],
        positionals: 1...1, positionalName: "one SPEC file")
    static let explain = CommandSpec(
        name: "explain", usage: "topoc explain [RULE]",
        summary: "Explain a rule: what it checks, why, how to fix it. Without RULE, list every rule with its severity and summary.",
        options: [help], positionals: 0...1, positionalName: "RULE")
    static let schema = CommandSpec(
        name: "schema", usage: "topoc schema",
        summary: "Print a JSON Schema (draft 2020-12) of the spec language for editors (yaml-language-server).",
        options: [help], positionals: 0...0, positionalName: "no arguments")
    static let completion = CommandSpec(
        name: "completion", usage: "topoc completion bash|zsh|fish",
        summary: "Print a shell completion script.",
        options: [help], positionals: 1...1, positionalName: "a shell name (bash, zsh or fish)")
    static let helpCommand = CommandSpec(
        name: "help", usage: "topoc help [COMMAND]",
        summary: "Show help for topoc or one command.",
        options: [help], positionals: 0...1, positionalName: "COMMAND")

    static let all = [compile, lint, graph, plan, explain, schema, completion, helpCommand]

    static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

    static let overview = """
    topoc — compile a cluster topology spec into checked, per-host deployment plans.

    usage:
      topoc compile SPEC... [-o DIR] [--check] [--strict] [--format text|json]
      topoc lint    SPEC... [--strict] [--ignore RULE]... [--format text|json|sarif]
      topoc graph   SPEC    [--format dot|json] [-o FILE]
      topoc plan    SPEC    [--host NAME]
      topoc explain [RULE]
      topoc schema
      topoc completion bash|zsh|fish
      topoc --help | help COMMAND | --version

    Exit status: 0 success, 1 the spec has errors (or --check found drift),
    2 a usage error or a file that could not be read or written.

    """
}

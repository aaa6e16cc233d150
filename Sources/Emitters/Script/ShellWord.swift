/// Shell words in the generated scripts: ShellQuoting's rules (bare when safe,
/// single quotes, double quotes for `$` and backticks so shellcheck stays clean).
enum ShellWord {
    static func quote(_ s: String) -> String { ShellQuoting.quote(s) }

    /// An argument vector as one command line.
    static func command(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }
}

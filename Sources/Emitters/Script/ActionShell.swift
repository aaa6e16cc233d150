import Planner

/// Renders one plan action as the lines of a step function. Every string from
/// the spec passes through `ShellWord.quote`; every host path is prefixed with
/// `"${TOPOC_ROOT:-}"` so the script can run against a scratch directory.
struct ActionShell {
    /// Names the content function of a file the step installs.
    let contentFunction: (FileRef) -> String

    static func rooted(_ path: String) -> String { "\"${TOPOC_ROOT:-}\"" + ShellWord.quote(path) }

    /// `env K=V ... argv` when there is an environment, else argv.
    static func withEnvironment(_ argv: [String], _ env: [(String, String)]) -> String {
        let prefix = env.isEmpty ? [] : ["env"] + env.map { $0.0 + "=" + $0.1 }
        return ShellWord.command(prefix + argv)
    }

    func lines(_ action: Action) -> [String] {
        let q = ShellWord.quote
        switch action {
        case .installPackages(let packages):
            return ["topoc_install_packages " + ShellWord.command(packages)]
        case .installFile(let file, let path, let mode):
            return ["topoc_install_file \(Self.rooted(path)) \(q(mode)) \(contentFunction(file))"]
        case .appendLine(let path, let line):
            return ["topoc_append_line \(Self.rooted(path)) \(q(line))"]
        case .ensureUser(let user):
            return ["topoc_ensure_user " + q(user)]
        case .ensureDirectory(let path, let owner, let mode):
            return ["topoc_ensure_directory \(Self.rooted(path)) \(q(mode))" + (owner.map { " " + q($0) } ?? "")]
        case .kernelArguments(let args):
            return ["topoc_kernel_arguments " + ShellWord.command(args)]
        case .sysctl(let key, let value):
            return ["topoc_sysctl \(q(key)) \(q(value))"]
        case .iptablesRule(let table, let chain, let rule):
            return ["topoc_iptables \(q(table)) \(q(chain)) " + ShellWord.command(rule)]
        case .daemonReload:
            return ["topoc_daemon_reload"]
        case .enableService(let unit):
            return ["topoc_enable_service " + q(unit)]
        case .waitUntil(let description, let command, let env):
            return ["topoc_wait \(q(description)) status " + Self.withEnvironment(command, env)]
        case .waitForOutput(let description, let command, let env):
            return ["topoc_wait \(q(description)) output " + Self.withEnvironment(command, env)]
        case .waitForFile(let description, let path):
            return ["topoc_wait \(q(description)) file " + Self.rooted(path)]
        case .runOnce(let description, let check, let command, let env):
            return [
                "if topoc_found " + Self.withEnvironment(check, env) + "; then",
                "  topoc_log " + q("already done: " + description),
                "else",
                "  topoc_log " + q(description),
                "  topoc_run " + Self.withEnvironment(command, env),
                "fi",
            ]
        case .run(let description, let command, let env):
            return ["topoc_log " + q(description), "topoc_run " + Self.withEnvironment(command, env)]
        }
    }
}

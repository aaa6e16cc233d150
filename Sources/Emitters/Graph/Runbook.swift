import Planner

/// The plan as a person reads a runbook (`topoc plan`): phase by phase, host by
/// host, what each step does and what it waits for, naming the other host
/// whenever it waits on one. With `host`, only that host's steps (their
/// cross-host waits still spelled out).
public enum Runbook {
    public static func render(_ plan: Plan, host: String?) -> String {
        let steps = host.map { plan.steps(on: $0) } ?? plan.steps
        let hostOf = Dictionary(plan.steps.map { ($0.id, $0.host) }, uniquingKeysWith: { a, _ in a })

        var out = "Plan \(plan.name)"
        if let host { out += ", host \(hostTitle(host, plan))" }
        let phases = Set(steps.map(\.phase)).count
        out += ": \(steps.count) step\(steps.count == 1 ? "" : "s") in \(phases) phase\(phases == 1 ? "" : "s").\n"
        if steps.isEmpty {
            if let host { out += "No step runs on \(host).\n" }
            return out
        }
        out += "Run each host's setup.sh with --phase N once every step that phase N waits for has finished,\n"
        out += "or run it whole: its waits poll the other hosts (TOPOC_WAIT_TIMEOUT, default 600 s).\n"

        var lastPhase = 0, lastHost = ""
        for s in steps {
            if s.phase != lastPhase {
                out += "\nPhase \(s.phase)\n"
                lastPhase = s.phase
                lastHost = ""
            }
            if s.host != lastHost {
                out += "  \(hostTitle(s.host, plan))\n"
                lastHost = s.host
            }
            out += "    \(s.id): \(s.label) [\(s.component)]\n"
            for e in plan.edges(into: s.id) {
                let other = hostOf[e.from] ?? ""
                let place = other == s.host ? "" : " (on \(other))"
                out += "      waits for \(e.from)\(place): \(e.reason)\n"
            }
            for a in s.actions { out += "      - \(describe(a))\n" }
        }
        return out
    }

    private static func hostTitle(_ host: String, _ plan: Plan) -> String {
        if host == Plan.workstation { return "workstation (the operator's machine)" }
        return plan.addresses[host].map { "\(host) (\($0))" } ?? host
    }

    private static func command(_ argv: [String], _ env: [(String, String)]) -> String {
        ShellWord.command(env.map { $0.0 + "=" + $0.1 } + argv)
    }

    static func describe(_ action: Action) -> String {
        switch action {
        case .installPackages(let p):
            return "install package\(p.count == 1 ? "" : "s") \(p.joined(separator: " ")) unless installed"
        case .installFile(_, let path, let mode):
            return "install \(path) (mode \(mode)) when its content differs"
        case .appendLine(let path, let line):
            return "append \(line) to \(path) unless it has that line"
        case .ensureUser(let u):
            return "create system user \(u) unless it exists"
        case .ensureDirectory(let path, let owner, let mode):
            return "create directory \(path) (mode \(mode)\(owner.map { ", owner \($0)" } ?? ""))"
        case .kernelArguments(let args):
            return "add kernel arguments \(args.joined(separator: " ")) with grubby unless booted with them; then reboot and run setup.sh again"
        case .sysctl(let key, let value):
            return "set sysctl \(key)=\(value)"
        case .iptablesRule(let table, let chain, let rule):
            return "add iptables rule: -t \(table) -A \(chain) \(ShellWord.command(rule))"
        case .daemonReload:
            return "systemctl daemon-reload if a unit file changed"
        case .enableService(let unit):
            return "enable and start \(unit) (restart it if its files changed)"
        case .waitUntil(let d, _, _), .waitForOutput(let d, _, _):
            return "wait until \(d)"
        case .waitForFile(let d, let path):
            return "wait until \(d) (\(path) exists)"
        case .runOnce(let d, _, let cmd, let env):
            return "\(d), once: \(command(cmd, env))"
        case .run(let d, let cmd, let env):
            return "\(d): \(command(cmd, env))"
        }
    }
}

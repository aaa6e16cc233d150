import Diagnostics
import Model

/// Hosts on an operating system that no longer gets security updates.
enum OSEndOfLifeRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "os-end-of-life", severity: .info,
        summary: "Hosts run an operating system past its end of life (centos7, ubuntu1604).",
        explanation: """
        What: hosts use centos7 (end of life 2024-06-30) or ubuntu1604 (standard \
        support ended 2021-04-30).
        Why: these get no security updates, their package mirrors move to archives (yum \
        and apt may fail until pointed at vault/ESM), and their kernels and packages \
        are old (CentOS 7 ships flannel 0.7.1, needs a reboot for user namespaces). topoc \
        supports them to reproduce the guide.
        Fix: plan a move to rocky9 or ubuntu2204.
        Example: `defaults: {os: centos7}` -> `defaults: {os: rocky9}`.
        """)

    static let endOfLife: [(os: OperatingSystem, text: String)] = [
        (.centos7, "centos7 reached end of life on 2024-06-30"),
        (.ubuntu1604, "ubuntu1604's standard support ended in 2021-04"),
    ]

    static func check(_ c: LintContext) -> [Diagnostic] {
        endOfLife.compactMap { eol in
            let hosts = c.topology.hosts.indices.filter { c.topology.hosts[$0].os.value == eol.os }
            guard let first = hosts.first.map({ c.topology.hosts[$0] }) else { return nil }
            let successor = eol.os == .centos7 ? "rocky9" : "ubuntu2204"
            return finding("\(Phrases.count(hosts.count, "host")) (\(Phrases.list(c.names(hosts)))) run \(eol.os.rawValue): \(eol.text) and gets no security updates; plan a move to \(successor)",
                           at: first.os.location)
        }
    }
}

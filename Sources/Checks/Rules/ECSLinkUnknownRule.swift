import Diagnostics
import Model
import Values

/// A link to a service that does not exist, or to the service itself.
enum ECSLinkUnknownRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "ecs-link-unknown", severity: .error,
        summary: "A service links to a service that does not exist, or to itself.",
        explanation: """
        What: a `links` entry names no service of `ecs.services`, or the linking \
        service itself.
        Why: a link becomes a container link in the task definition; ECS rejects a \
        link to a container that is not in the task, and a container cannot link to \
        itself.
        Fix: use the name of another service (did-you-mean helps), or remove the link.
        Example: `web: {links: [reddis]}` -> `links: [redis]`.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        guard let e = c.topology.ecs else { return [] }
        let names = e.services.map { $0.name.value }
        let known = Set(names)
        var out: [Diagnostic] = []
        for s in e.services {
            for l in s.links {
                if l.value == s.name.value {
                    out.append(finding("service '\(s.name.value)' links to itself: a container cannot link to itself; remove the link", at: l.location))
                } else if !known.contains(l.value) {
                    var message = "service '\(s.name.value)' links to '\(l.value)', which is not a service"
                    if let guess = EditDistance.suggestion(for: l.value, among: names.filter { $0 != s.name.value }) { message += "; did you mean '\(guess)'?" }
                    else { message += "; the services are \(Phrases.list(names, limit: 8))" }
                    out.append(finding(message, at: l.location))
                }
            }
        }
        return out
    }
}

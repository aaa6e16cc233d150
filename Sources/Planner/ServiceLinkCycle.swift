import Diagnostics
import Model

/// ECS service `links` order container start-up (a linked service starts
/// first), so links that form a loop can never start. Links to services that
/// do not exist are the linter's business (ecs-link-unknown) and are skipped.
enum ServiceLinkCycle {
    static func diagnostic(_ topology: Topology) -> Diagnostic? {
        guard let ecs = topology.ecs, !ecs.services.isEmpty else { return nil }
        var index: [String: Int] = [:]
        for (i, s) in ecs.services.enumerated() where index[s.name.value] == nil { index[s.name.value] = i }
        // Edge direction: the linked service before the one that links to it.
        var edges: [GraphEdge] = []
        var links: [Located<String>] = []
        for (i, s) in ecs.services.enumerated() {
            for link in s.links {
                guard let target = index[linkedName(link.value)] else { continue }
                edges.append(GraphEdge(from: target, to: i))
                links.append(link)
            }
        }
        let order = TopologicalLevels(count: ecs.services.count, edges: edges)
        guard !order.cycle.isEmpty else { return nil }
        // Print the loop the way it is written: "web -> redis" means web links redis.
        let written = Array(order.cycle.reversed())
        let names = written.map { ecs.services[Int(edges[$0].to)].name.value }
        let path = (names + [names[0]]).joined(separator: " -> ")
        let notes = written.map { e in
            Note("service \(ecs.services[Int(edges[e].to)].name.value) links to \(ecs.services[Int(edges[e].from)].name.value), so it starts after it",
                 at: links[e].location)
        }
        return Diagnostic(.error, rule: DependencyCycleRule.name,
                          "ECS service links form a cycle: \(path)", at: links[written[0]].location, notes: notes)
    }

    /// `links` entries may carry an alias: `redis:db`.
    private static func linkedName(_ link: String) -> String {
        link.split(separator: ":", maxSplits: 1).first.map(String.init) ?? link
    }
}

import Diagnostics
import Model

/// Lowers a checked topology into a `Plan`: the deployment steps of every host
/// (and of the operator's workstation), the edges saying which step waits for
/// which and why, and phases (topological levels) that order them.
public enum Planner {
    public static let rules: [RuleDescriptor] = [DependencyCycleRule.descriptor]

    /// The plan, or nil with a `dependency-cycle` diagnostic when steps (or ECS
    /// service links) wait for each other in a loop.
    public static func plan(_ topology: Topology) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        fullPlan(topology)
    }

    /// Only the diagnostics of `plan`, for `lint`: the steps and edges are
    /// built without actions or reasons, and only a spec that has a cycle is
    /// planned in full (for the reasons its diagnostic quotes).
    public static func diagnostics(_ topology: Topology) -> [Diagnostic] {
        // The builder is gone before the walk: at fleet scale each holds tens of megabytes.
        let (count, ends) = { () -> (Int, [GraphEdge]) in
            let skeleton = build(topology, skeleton: true)
            return (skeleton.stepCount, skeleton.resolvedEdges().ends)
        }()
        let stepsLoop = !TopologicalLevels(count: count, edges: ends).cycle.isEmpty
        guard stepsLoop || ServiceLinkCycle.diagnostic(topology) != nil else { return [] }
        return fullPlan(topology).diagnostics
    }

    /// Every step and edge of the catalogue, walked over the topology.
    private static func build(_ topology: Topology, skeleton: Bool) -> PlanBuilder {
        var builder = PlanBuilder(topology, skeleton: skeleton)
        // Catalogue order: within a host and phase, steps run in this order.
        UsernsSteps.add(to: &builder)
        KVDBSteps.add(to: &builder)
        OverlaySteps.add(to: &builder)
        DockerSteps.add(to: &builder)
        PortworxSteps.add(to: &builder)
        ECSSteps.add(to: &builder)
        WorkstationSteps.add(to: &builder)
        UsernsSteps.addEdges(to: &builder)
        return builder
    }

    private static func fullPlan(_ topology: Topology) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let builder = build(topology, skeleton: false)
        var diagnostics: [Diagnostic] = []
        let (edges, endpoints) = builder.resolvedEdges()
        let levels = TopologicalLevels(count: builder.stepCount, edges: endpoints)
        if !levels.cycle.isEmpty {
            diagnostics.append(cycleDiagnostic(levels.cycle.map { builder.edge(edges[$0]) }))
        }
        if let links = ServiceLinkCycle.diagnostic(topology) {
            diagnostics.append(links)
        }
        guard diagnostics.isEmpty else {
            return (nil, diagnostics.sorted(by: Diagnostic.reportOrder))
        }
        let drafts = builder.steps

        let order = drafts.indices.sorted { a, b in
            if levels.level(a) != levels.level(b) { return levels.level(a) < levels.level(b) }
            if drafts[a].ref.host != drafts[b].ref.host { return drafts[a].ref.host < drafts[b].ref.host }
            return a < b
        }
        let steps = order.map { i in
            let d = drafts[i]
            let host = builder.hostName(d.ref.host), name = builder.stepNames[Int(d.ref.name)]
            return Step(id: host + "/" + name, host: host, name: name, label: d.label, component: d.component,
                        phase: levels.level(i), actions: d.actions, location: d.location)
        }
        // Edges in plan order of the waiting step, then of the step waited for.
        // Sorted on integer keys computed once (not on dictionary lookups per
        // comparison): a fleet has hundreds of thousands of edges.
        var position = [Int](repeating: 0, count: drafts.count)
        for (i, d) in order.enumerated() { position[d] = i }
        let orderedEdges = endpoints.indices.sorted { a, b in
            let (ta, tb) = (position[Int(endpoints[a].to)], position[Int(endpoints[b].to)])
            if ta != tb { return ta < tb }
            let (fa, fb) = (position[Int(endpoints[a].from)], position[Int(endpoints[b].from)])
            return fa != fb ? fa < fb : a < b
        }.map { builder.edge(edges[$0]) }
        var hosts = builder.hostNames
        if drafts.contains(where: { $0.ref.host == builder.workstationRank }) { hosts.append(Plan.workstation) }
        var addresses: [String: String] = [:]
        for h in topology.hosts where addresses[h.name.value] == nil { addresses[h.name.value] = h.address.description }
        return (Plan(name: topology.name.value, hosts: hosts, steps: steps, edges: orderedEdges, addresses: addresses), [])
    }

    /// One diagnostic for the loop, at its first edge, with the whole path and
    /// a note per edge giving its reason and the spec value behind it.
    static func cycleDiagnostic(_ cycle: [Edge]) -> Diagnostic {
        let path = (cycle.map(\.from) + [cycle[0].from]).joined(separator: " -> ")
        let notes = cycle.map { Note("\($0.to) waits for \($0.from): \($0.reason)", at: $0.location) }
        return Diagnostic(.error, rule: DependencyCycleRule.name,
                          "deployment steps wait for each other in a loop: \(path)", at: cycle[0].location, notes: notes)
    }
}

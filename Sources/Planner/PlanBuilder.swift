import Diagnostics
import Model

/// A step before its phase is known.
struct StepDraft {
    let host: String
    let name: String
    let label: String
    let component: String
    let actions: [Action]
    let location: SourceLocation
    /// Position of the host in `Plan.hosts` (workstation last): the second sort key.
    let hostRank: Int
    var id: String { host + "/" + name }
}

/// Collects steps and edges while the step catalogue walks the topology.
/// Steps are created in catalogue order, so creation order is the tie-breaker
/// within a host and phase. Edges may name steps that are created later or
/// never (a host without a configured daemon has no `docker-daemon` step):
/// `finish` keeps only edges whose both ends exist, which is what lets each
/// catalogue entry say "after this host's daemon, if topoc configures one".
struct PlanBuilder {
    let topology: Topology
    let roles: HostRoles
    let hostNames: [String]
    private(set) var steps: [StepDraft] = []
    private(set) var stepIndex: [String: Int] = [:]
    private(set) var edges: [Edge] = []
    private var edgeKeys: Set<String> = []
    private let hostRanks: [String: Int]
    /// A skeleton has every step and edge but no actions and no edge reasons:
    /// enough to find dependency cycles (which is all `lint` needs) at a
    /// fraction of the cost, since actions and reasons are most of the strings.
    let skeleton: Bool

    init(_ topology: Topology, skeleton: Bool = false) {
        self.topology = topology
        self.skeleton = skeleton
        self.roles = HostRoles(topology)
        var names: [String] = []
        var ranks: [String: Int] = [:]
        for h in topology.hosts where ranks[h.name.value] == nil {
            ranks[h.name.value] = names.count
            names.append(h.name.value)
        }
        ranks[Plan.workstation] = names.count
        self.hostNames = names
        self.hostRanks = ranks
        // A fleet has a handful of steps and edges per host: sized once, the
        // tables are not rehashed (every key hashed again) as they grow.
        stepIndex.reserveCapacity(names.count * 8 + 16)
        if !skeleton { edgeKeys.reserveCapacity(names.count * 12 + 16) }
    }

    static func id(_ host: String, _ step: String) -> String { host + "/" + step }

    func has(_ id: String) -> Bool { stepIndex[id] != nil }

    /// Adds a step; a second step with the same id is ignored (the first wins),
    /// which only a spec listing a host twice could cause.
    @discardableResult
    mutating func add(host: String, name: String, label: String, component: String,
                      at location: SourceLocation, _ actions: @autoclosure () -> [Action]) -> String {
        let id = PlanBuilder.id(host, name)
        if stepIndex[id] == nil {
            stepIndex[id] = steps.count
            steps.append(StepDraft(host: host, name: name, label: label, component: component,
                                   actions: skeleton ? [] : actions(),
                                   location: location, hostRank: hostRanks[host] ?? hostNames.count))
        }
        return id
    }

    /// `to` waits for `from`. Duplicates (same pair) keep the first reason.
    mutating func depend(_ to: String, on from: String, _ reason: @autoclosure () -> String, at location: SourceLocation) {
        // A repeated edge changes no cycle, so a skeleton keeps it rather than
        // building and hashing a key for every edge.
        if skeleton {
            edges.append(Edge(from: from, to: to, reason: "", location: location))
            return
        }
        let key = from + "\u{0}" + to
        if edgeKeys.insert(key).inserted {
            edges.append(Edge(from: from, to: to, reason: skeleton ? "" : reason(), location: location))
        }
    }

    /// Edges whose both ends are steps, in creation order, with the indexes
    /// into `steps` of their ends (looked up once, here).
    func resolvedEdges() -> (edges: [Edge], ends: [(from: Int, to: Int)]) {
        var kept: [Edge] = [], ends: [(from: Int, to: Int)] = []
        kept.reserveCapacity(edges.count)
        ends.reserveCapacity(edges.count)
        for e in edges {
            guard let from = stepIndex[e.from], let to = stepIndex[e.to] else { continue }
            kept.append(e)
            ends.append((from, to))
        }
        return (kept, ends)
    }
}

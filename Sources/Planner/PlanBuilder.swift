import Diagnostics
import Model

/// A step's identity while planning: the host's rank (its position among the
/// plan's hosts, workstation last) and its name's number in the builder's name
/// table. Two integers stand for the `<host>/<step>` string: a fleet plan has
/// hundreds of thousands of steps and edges, and building, hashing and
/// comparing those strings was most of what planning cost.
struct StepRef: Hashable {
    let host: Int32
    let name: Int32

    /// A reference to a host the plan does not know; nothing resolves to it.
    static let none = StepRef(host: -1, name: -1)
}

/// A step name, interned once per catalogue entry rather than hashed per host.
struct StepName {
    let id: Int32
}

/// A step before its phase is known.
struct StepDraft {
    let ref: StepRef
    let label: String
    let component: String
    let actions: [Action]
    let location: SourceLocation
}

/// An edge before its ends are known to exist: `to` waits for `from`.
struct EdgeDraft {
    let from: StepRef
    let to: StepRef
    let reason: String
    let location: SourceLocation
}

/// Collects steps and edges while the step catalogue walks the topology.
/// Steps are created in catalogue order, so creation order is the tie-breaker
/// within a host and phase. Edges may name steps that are created later or
/// never (a host without a configured daemon has no `docker-daemon` step):
/// `resolvedEdges` keeps only edges whose both ends exist, which is what lets
/// each catalogue entry say "after this host's daemon, if topoc configures one".
struct PlanBuilder {
    let topology: Topology
    /// Each host's roles by position in `topology.hosts`: asked per host by
    /// every catalogue entry, so no host name is hashed for it.
    let roles: HostRoleTable
    /// Host names by rank: spec order, first occurrence; the workstation's rank
    /// is `hostNames.count`.
    let hostNames: [String]
    /// A skeleton knows which steps exist and which wait for which, and
    /// nothing else (no drafts, actions, labels, reasons or places): enough
    /// to find dependency cycles, which is all `lint` needs, in a fraction of
    /// the time and memory of a fleet's plan.
    let skeleton: Bool
    /// The steps in creation order (empty for a skeleton, which only counts them).
    private(set) var steps: [StepDraft] = []
    private(set) var stepCount = 0
    private(set) var edges: [EdgeDraft] = []
    /// A skeleton's edges: only their ends.
    private var links: [(from: StepRef, to: StepRef)] = []
    private(set) var stepNames: [String] = []
    private var stepNameIDs: [String: Int32] = [:]
    /// `slots[name][host]`: 1 + the step's index in `steps`, or 0 for none.
    /// Dense, since most names exist on most hosts of a fleet.
    private var slots: [[Int32]] = []
    private var edgeKeys: Set<EdgeKey> = []
    /// Ranks by name, for a topology that repeats a host name; nil when names
    /// are unique, where a host's rank is its position and the topology's own
    /// index answers without hashing every name again.
    private let hostRanks: [String: Int32]?
    /// Rank of each entry of `topology.hosts` (a repeated name shares the first's).
    let ranksByPosition: [Int32]
    /// Position in `topology.hosts` of each rank's host (its first entry).
    let positionsByRank: [Int]

    init(_ topology: Topology, skeleton: Bool = false) {
        self.topology = topology
        self.skeleton = skeleton
        self.roles = HostRoleTable(topology)
        if topology.hasUniqueHostNames {
            hostNames = topology.hosts.map { $0.name.value }
            hostRanks = nil
            ranksByPosition = Array(0..<Int32(topology.hosts.count))
            positionsByRank = Array(topology.hosts.indices)
        } else {
            var names: [String] = []
            var ranks: [String: Int32] = [:]
            var byPosition: [Int32] = [], byRank: [Int] = []
            for h in topology.hosts {
                if let r = ranks[h.name.value] { byPosition.append(r); continue }
                ranks[h.name.value] = Int32(names.count)
                byPosition.append(Int32(names.count))
                byRank.append(byPosition.count - 1)
                names.append(h.name.value)
            }
            hostNames = names
            hostRanks = ranks
            ranksByPosition = byPosition
            positionsByRank = byRank
        }
        let names = hostNames
        // A fleet has a handful of steps and edges per host: sized once, the
        // arrays are not copied over and over as they grow.
        if skeleton {
            links.reserveCapacity(names.count * 10 + 16)
        } else {
            steps.reserveCapacity(names.count * 8 + 16)
            edges.reserveCapacity(names.count * 10 + 16)
        }
    }

    var workstationRank: Int32 { Int32(hostNames.count) }

    /// The rank of a host named in the spec, or nil for a name that is not a host.
    func rank(of host: String) -> Int32? {
        if host == Plan.workstation { return workstationRank }
        if let hostRanks { return hostRanks[host] }
        return topology.hostPosition(host).map { Int32($0) }
    }

    /// The ranks of the hosts a host set stands for, in its order, without
    /// names that are not hosts. `all` needs no lookup at all.
    func ranks(of set: HostSet) -> [Int32] {
        if set.isAll {
            return Array(0..<Int32(hostNames.count))
        }
        return set.entries.compactMap { rank(of: $0.value) }
    }

    /// The name of a host by rank (`workstation` for the last).
    func hostName(_ rank: Int32) -> String { Int(rank) < hostNames.count ? hostNames[Int(rank)] : Plan.workstation }

    /// Interns a step name. Call once per catalogue entry, not per host.
    mutating func name(_ name: String) -> StepName {
        if let id = stepNameIDs[name] { return StepName(id: id) }
        let id = Int32(stepNames.count)
        stepNameIDs[name] = id
        stepNames.append(name)
        slots.append([])
        return StepName(id: id)
    }

    /// The step `name` on the host at `rank`, whether or not it exists (yet).
    func ref(_ rank: Int32, _ name: StepName) -> StepRef { StepRef(host: rank, name: name.id) }

    /// The step `name` on the host called `host`; `.none` when no such host.
    func ref(_ host: String, _ name: StepName) -> StepRef {
        guard let rank = rank(of: host) else { return .none }
        return StepRef(host: rank, name: name.id)
    }

    /// The index into `steps` of `ref`, when that step was added.
    func index(of ref: StepRef) -> Int? {
        guard ref.host >= 0 else { return nil }
        let row = slots[Int(ref.name)]
        guard Int(ref.host) < row.count else { return nil }
        let slot = row[Int(ref.host)]
        return slot > 0 ? Int(slot) - 1 : nil
    }

    /// Adds a step; a second step with the same host and name is ignored (the
    /// first wins), which only a spec listing a host twice could cause.
    @discardableResult
    mutating func add(_ ref: StepRef, label: @autoclosure () -> String, component: String,
                      at location: SourceLocation, _ actions: @autoclosure () -> [Action]) -> StepRef {
        guard ref.host >= 0 else { return ref }
        let n = Int(ref.name)
        if slots[n].isEmpty { slots[n] = [Int32](repeating: 0, count: hostNames.count + 1) }
        guard slots[n][Int(ref.host)] == 0 else { return ref }
        if !skeleton {
            steps.append(StepDraft(ref: ref, label: label(), component: component, actions: actions(), location: location))
        }
        stepCount += 1
        slots[n][Int(ref.host)] = Int32(stepCount)
        return ref
    }

    /// `to` waits for `from`. Duplicates (same pair) keep the first reason.
    mutating func depend(_ to: StepRef, on from: StepRef, _ reason: @autoclosure () -> String, at location: SourceLocation) {
        // A repeated edge changes no cycle, so a skeleton keeps it rather than
        // hashing every edge.
        if skeleton {
            links.append((from, to))
            return
        }
        if edgeKeys.insert(EdgeKey(from: from, to: to)).inserted {
            edges.append(EdgeDraft(from: from, to: to, reason: reason(), location: location))
        }
    }

    /// Edges whose both ends are steps, in creation order (none for a
    /// skeleton), with the indexes of their ends in creation order of steps.
    func resolvedEdges() -> (edges: [EdgeDraft], ends: [GraphEdge]) {
        var kept: [EdgeDraft] = [], ends: [GraphEdge] = []
        if skeleton {
            ends.reserveCapacity(links.count)
            for l in links {
                guard let from = index(of: l.from), let to = index(of: l.to) else { continue }
                ends.append(GraphEdge(from: from, to: to))
            }
            return ([], ends)
        }
        kept.reserveCapacity(edges.count)
        ends.reserveCapacity(edges.count)
        for e in edges {
            guard let from = index(of: e.from), let to = index(of: e.to) else { continue }
            kept.append(e)
            ends.append(GraphEdge(from: from, to: to))
        }
        return (kept, ends)
    }

    /// `<host>/<step>`, the id every output uses.
    func id(_ ref: StepRef) -> String { hostName(ref.host) + "/" + stepNames[Int(ref.name)] }

    /// The edge with both ends named, for the plan and for diagnostics.
    func edge(_ e: EdgeDraft) -> Edge { Edge(from: id(e.from), to: id(e.to), reason: e.reason, location: e.location) }
}

/// Deduplication key of an edge.
private struct EdgeKey: Hashable {
    let from: StepRef
    let to: StepRef
}

/// An edge of a graph over nodes `0..<count`: `to` waits for `from`. Node
/// numbers are 32-bit: a fleet's plan has about a million steps and edges,
/// and every array below is that long.
struct GraphEdge {
    let from: Int32
    let to: Int32

    init(from: Int, to: Int) {
        self.from = Int32(from)
        self.to = Int32(to)
    }
}

/// Topological levels of a directed graph over nodes `0..<count` (Kahn's
/// algorithm): a root is level 1, every other node one more than its latest
/// predecessor. Nodes on or behind a cycle get no level; one such cycle is
/// returned as edge indices in walking order. O(nodes + edges).
struct TopologicalLevels {
    /// Level per node, 0 for nodes that a cycle blocks.
    private let levelOf: [Int32]
    /// Edge indices forming one cycle, or empty when the graph is acyclic.
    let cycle: [Int]

    func level(_ node: Int) -> Int { Int(levelOf[node]) }

    init(count: Int, edges: [GraphEdge]) {
        // Adjacency in compressed rows (one array of edge indices, sliced by
        // node) rather than an array per node: a fleet plan has hundreds of
        // thousands of nodes, and an allocation each cost more than the walk.
        let outgoing = Adjacency(count: count, edges: edges, by: { $0.from })
        var pending = [Int32](repeating: 0, count: count)
        for e in edges { pending[Int(e.to)] += 1 }
        var levels = [Int32](repeating: 0, count: count)
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        for n in 0..<count where pending[n] == 0 {
            levels[n] = 1
            queue.append(Int32(n))
        }
        var head = 0
        while head < queue.count {
            let n = Int(queue[head])
            head += 1
            for e in outgoing.edges(of: n) {
                let m = Int(edges[Int(e)].to)
                levels[m] = max(levels[m], levels[n] + 1)
                pending[m] -= 1
                if pending[m] == 0 { queue.append(Int32(m)) }
            }
        }
        let acyclic = queue.count == count
        self.levelOf = acyclic ? levels : levels.enumerated().map { pending[$0.offset] == 0 ? $0.element : 0 }
        self.cycle = acyclic ? []
            : TopologicalLevels.findCycle(edges: edges, incoming: Adjacency(count: count, edges: edges, by: { $0.to }), blocked: pending)
    }

    /// Every node Kahn left behind has a predecessor that was left behind too,
    /// so walking predecessors from the first such node must revisit a node:
    /// that loop is a cycle. The result is rotated to start at its lowest node,
    /// so the same graph always reports the same cycle.
    private static func findCycle(edges: [GraphEdge], incoming: Adjacency, blocked pending: [Int32]) -> [Int] {
        guard let start = pending.firstIndex(where: { $0 > 0 }) else { return [] }
        var seenAt: [Int: Int] = [:]
        var walked: [Int] = []          // edge indices, walking backwards
        var node = start
        while seenAt[node] == nil {
            seenAt[node] = walked.count
            guard let e = incoming.edges(of: node).first(where: { pending[Int(edges[Int($0)].from)] > 0 }) else { return [] }
            walked.append(Int(e))
            node = Int(edges[Int(e)].from)
        }
        // walked[seenAt[node]...] leads backwards from `node` round to `node`.
        guard let loopStart = seenAt[node] else { return [] }
        var cycle = Array(walked[loopStart...].reversed())
        if let lowest = cycle.indices.min(by: { edges[cycle[$0]].from < edges[cycle[$1]].from }) {
            cycle = Array(cycle[lowest...] + cycle[..<lowest])
        }
        return cycle
    }
}

/// Edge indices grouped by one end (compressed sparse rows): the edges of node
/// `n` are `order[start[n]..<start[n + 1]]`, in edge order.
struct Adjacency {
    private let start: [Int32]
    private let order: [Int32]

    init(count: Int, edges: [GraphEdge], by end: (GraphEdge) -> Int32) {
        var start = [Int32](repeating: 0, count: count + 1)
        for e in edges { start[Int(end(e)) + 1] += 1 }
        for n in 0..<count { start[n + 1] += start[n] }
        var next = start
        var order = [Int32](repeating: 0, count: edges.count)
        for (i, e) in edges.enumerated() {
            let n = Int(end(e))
            order[Int(next[n])] = Int32(i)
            next[n] += 1
        }
        self.start = start
        self.order = order
    }

    func edges(of node: Int) -> ArraySlice<Int32> { order[Int(start[node])..<Int(start[node + 1])] }
}

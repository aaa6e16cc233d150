/// The children of every open collection, in one buffer: a collection's
/// children sit above the mark taken when it opened, and when it closes they
/// are moved (not copied) into one exactly sized array. A growing array per
/// open collection cost a reallocation for most mappings of a fleet spec and
/// left spare capacity in every finished one.
final class NodeStack {
    private var base: UnsafeMutablePointer<Node>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ node: Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    // The arrays are built by reserve-and-append: `init(unsafeUninitializedCapacity:)`
    // is not specialised here and looks up the storage type's metadata on every call.

    /// Moves the nodes from `start` up into an array and pops them.
    func popSequence(from start: Int) -> [Node] {
        var items: [Node] = []
        items.reserveCapacity(count - start)
        for i in start..<count { items.append((base + i).move()) }
        count = start
        return items
    }

    /// Moves the alternating keys and values from `start` up into pairs and pops them.
    func popPairs(from start: Int) -> [Pair] {
        let n = (count - start) / 2
        var pairs: [Pair] = []
        pairs.reserveCapacity(n)
        var from = base + start
        for _ in 0..<n {
            pairs.append(Pair(key: from.move(), value: (from + 1).move()))
            from += 2
        }
        // A key left without its value (never, from libyaml's events) is dropped.
        from.deinitialize(count: count - start - 2 * n)
        count = start
        return pairs
    }
}

/// Items whose key repeats an earlier item's, found by sorting (never by
/// comparing all pairs): each repeat is paired with the first item, in list
/// order, that has the same key.
enum Repeats {
    static func find<K: Comparable>(count: Int, key: (Int) -> K) -> [(first: Int, repeat: Int)] {
        let keys = (0..<count).map(key)
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var out: [(first: Int, repeat: Int)] = []
        var first = 0
        for k in order.indices.dropFirst() {
            if keys[order[k - 1]] != keys[order[k]] { first = k; continue }
            out.append((order[first], order[k]))
        }
        return out
    }
}

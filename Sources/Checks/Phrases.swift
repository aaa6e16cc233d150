/// Small pieces of English shared by the messages, so every message lists hosts
/// and counts the same way.
enum Phrases {
    /// "node1", "node1 and node2", "node1, node2 and node3", or the first
    /// `limit` names and "and 99995 more": a message about a large fleet stays
    /// one line. Takes any collection, so callers pass host positions mapped
    /// lazily to names and only the names shown are ever made.
    static func list<Names: RandomAccessCollection>(_ names: Names, limit: Int = 5) -> String where Names.Element == String {
        guard let last = names.last else { return "" }
        let count = names.count
        if count == 1 { return last }
        if count <= limit {
            return names.dropLast().joined(separator: ", ") + " and " + last
        }
        return names.prefix(limit).joined(separator: ", ") + " and \(count - limit) more"
    }

    /// "1 host", "3 hosts".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : (plural ?? singular + "s"))
    }

    /// "host node1" or "hosts node1, node2 and node3".
    static func hosts<Names: RandomAccessCollection>(_ names: Names) -> String where Names.Element == String {
        (names.count == 1 ? "host " : "hosts ") + list(names)
    }

    /// "9001/tcp" or "9001-9022/tcp".
    static func ports(_ range: ClosedRange<Int>, _ proto: String) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)/\(proto)" : "\(range.lowerBound)-\(range.upperBound)/\(proto)"
    }
}

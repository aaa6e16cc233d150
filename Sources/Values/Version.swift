/// A dotted version such as "3.3" or "2.3.7", compared numerically by component
/// ("3.10" is newer than "3.9"). A leading `v` is accepted and dropped.
public struct Version: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let components: [Int]

    public init(major: Int, minor: Int = 0, patch: Int? = nil) {
        components = patch.map { [major, minor, $0] } ?? [major, minor]
    }

    public init?(_ text: String) {
        var body = Substring(text)
        if body.first == "v" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var result: [Int] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 6, p.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(p) else { return nil }
            result.append(n)
        }
        components = result
    }

    public var major: Int { components[0] }
    public var minor: Int { components.count > 1 ? components[1] : 0 }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (a: Version, b: Version) -> Bool {
        for i in 0..<max(a.components.count, b.components.count) {
            let x = i < a.components.count ? a.components[i] : 0
            let y = i < b.components.count ? b.components[i] : 0
            if x != y { return x < y }
        }
        return false
    }

    public static func == (a: Version, b: Version) -> Bool { !(a < b) && !(b < a) }

    public func hash(into hasher: inout Hasher) {
        var c = components
        while c.count > 1 && c.last == 0 { c.removeLast() }
        hasher.combine(c)
    }
}

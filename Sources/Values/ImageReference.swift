/// A container image reference, `[registry/]path[:tag][@digest]`, validated by
/// the grammar of the distribution reference library that Docker itself uses.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// Registry host (with port), when the first component names one.
    public let registry: String?
    /// Repository path without the registry: `portworx/px-dev`, `redis`.
    public let path: String
    public let tag: String?
    public let digest: String?

    public init?(_ text: String) {
        // Name (255) + ":" tag (128) + "@sha512:" digest (128): anything longer is refused unread.
        guard !text.isEmpty, text.utf8.count <= 255 + 1 + 128 + 8 + 128 else { return nil }
        var rest = Substring(text)
        var digest: String? = nil
        if let at = rest.firstIndex(of: "@") {
            let d = rest[rest.index(after: at)...]
            guard ImageReference.isDigest(d) else { return nil }
            digest = String(d)
            rest = rest[..<at]
        }
        var tag: String? = nil
        // A tag is after the last ':' that follows the last '/'.
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            let t = rest[rest.index(after: colon)...]
            guard ImageReference.isTag(t) else { return nil }
            tag = String(t)
            rest = rest[..<colon]
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false)
        var registry: String? = nil
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" {
            guard ImageReference.isDomain(first) else { return nil }
            registry = String(first)
            components.removeFirst()
        }
        guard !components.isEmpty, components.allSatisfy(ImageReference.isPathComponent) else { return nil }
        // The distribution library caps the name (registry and path), not the whole reference.
        guard rest.utf8.count <= 255 else { return nil }
        self.registry = registry
        self.path = components.joined(separator: "/")
        self.tag = tag
        self.digest = digest
    }

    public var description: String {
        var s = registry.map { $0 + "/" } ?? ""
        s += path
        if let tag { s += ":" + tag }
        if let digest { s += "@" + digest }
        return s
    }

    /// Name without tag or digest, as Docker would show it.
    public var repository: String { (registry.map { $0 + "/" } ?? "") + path }

    /// Pinned means a digest, or a tag other than `latest`.
    public var isPinned: Bool { digest != nil || (tag != nil && tag != "latest") }

    private static func isAlnumLower(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
    private static func isAlnum(_ b: UInt8) -> Bool { isAlnumLower(b) || (b >= 65 && b <= 90) }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
    static func isPathComponent(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last, isAlnumLower(first), isAlnumLower(last) else { return false }
        var i = 0
        while i < b.count {
            if isAlnumLower(b[i]) { i += 1; continue }
            var j = i
            while j < b.count && !isAlnumLower(b[j]) { j += 1 }
            let sep = b[i..<j]
            let ok = sep.elementsEqual([46]) || sep.elementsEqual([95]) || sep.elementsEqual([95, 95]) || sep.allSatisfy { $0 == 45 }
            if !ok { return false }
            i = j
        }
        return true
    }

    /// `[\w][\w.-]{0,127}`
    static func isTag(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, b.count <= 128, isAlnum(first) || first == 95 else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == 95 || $0 == 46 || $0 == 45 }
    }

    /// Hex digits each digest algorithm that Docker verifies must have.
    private static let digestLengths: [Substring: Int] = ["sha256": 64, "sha384": 96, "sha512": 128]

    /// `algorithm:hex` for an algorithm Docker can verify, with exactly its number of
    /// lowercase hex digits (go-digest's rule): the reference grammar alone would
    /// let through digests that `docker pull` then refuses.
    static func isDigest(_ s: Substring) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let algorithm = s[..<colon], hex = s[s.index(after: colon)...]
        guard let length = digestLengths[algorithm] else { return false }
        return hex.utf8.count == length && hex.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    /// Host name labels joined by dots, with an optional numeric port.
    static func isDomain(_ s: Substring) -> Bool {
        var host = s
        if let colon = s.lastIndex(of: ":") {
            let port = s[s.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            host = s[..<colon]
        }
        return Names.isHostName(host)
    }
}

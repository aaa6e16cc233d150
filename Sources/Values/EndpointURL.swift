/// An `http://` or `https://` URL naming an etcd endpoint: scheme, host (name,
/// IPv4, or bracketed IPv6), optional port, and nothing else (no user info,
/// query or fragment, which etcd clients would reject or misread).
public struct EndpointURL: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    /// The host when it is a literal address.
    public let address: IPAddress?
    public let port: Int?
    public let path: String
    public let text: String

    public init?(_ text: String) {
        let scheme: String
        var rest: Substring
        if text.hasPrefix("http://") { scheme = "http"; rest = text.dropFirst(7) }
        else if text.hasPrefix("https://") { scheme = "https"; rest = text.dropFirst(8) }
        else { return nil }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
            guard path == "/" || Names.isAbsolutePath(path) else { return nil }
        }
        var host = rest
        var port: Int? = nil
        var address: IPAddress? = nil
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            guard let a = IPv6Address(host) else { return nil }
            address = .v6(a)
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return nil }
                guard let p = EndpointURL.port(after.dropFirst()) else { return nil }
                port = p
            }
        } else {
            if let colon = rest.lastIndex(of: ":") {
                guard let p = EndpointURL.port(rest[rest.index(after: colon)...]) else { return nil }
                port = p
                host = rest[..<colon]
            }
            if let a = IPv4Address(host) { address = .v4(a) }
            else if EndpointURL.endsInNumber(host) || !Names.isHostName(host) { return nil }
        }
        self.scheme = scheme
        self.host = String(host)
        self.address = address
        self.port = port
        self.path = path
        self.text = text
    }

    private static func port(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 5, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let p = Int(s), p >= 1, p <= 65535 else { return nil }
        return p
    }

    /// True when the last label is a number in C notation (`1`, `010`, `0x7f`).
    /// URL parsers and inet_aton read such a host as an IPv4 address (`1.2.3` is
    /// 1.2.0.3, `0x7f.1` is 127.0.0.1), and no top-level domain is numeric, so a
    /// host like that is an address in disguise, never a name.
    private static func endsInNumber(_ host: Substring) -> Bool {
        let label = host.split(separator: ".", omittingEmptySubsequences: false).last ?? host
        let bytes = Array(label.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        if bytes.count >= 2, bytes[0] == 48, bytes[1] == 120 || bytes[1] == 88 {
            return bytes.dropFirst(2).allSatisfy { isDigit($0) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
        }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// The port, or the scheme's default.
    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    public var description: String { text }
}

/// An IPv6 address as a 128-bit number (two 64-bit halves). Parses the forms of
/// RFC 4291 §2.2 including `::` compression and an embedded dotted quad
/// (`::ffff:1.2.3.4`). Zone ids (`fe80::1%eth0`) are rejected: they name an
/// interface of one machine and mean nothing in a cluster-wide spec.
/// `description` is the canonical text form of RFC 5952.
public struct IPv6Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    public init?<S: StringProtocol>(_ text: S) {
        guard let a = text.withUTF8Bytes(IPv6Address.parse) else { return nil }
        self = a
    }

    /// Parses `bytes` in one pass with no allocation: the groups before a `::`
    /// gather in `head`, those after it in `tail`, and the zeros `::` stands
    /// for go between them at the end.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IPv6Address? {
        if bytes.isEmpty || bytes.count > 45 { return nil }
        var head: UInt128 = 0, headCount = 0
        var tail: UInt128 = 0, tailCount = 0
        var compressed = false
        func append(_ group: UInt16) {
            if compressed {
                tail = tail << 16 | UInt128(group); tailCount += 1
            } else {
                head = head << 16 | UInt128(group); headCount += 1
            }
        }
        var i = 0
        let n = bytes.count
        if bytes[0] == UInt8(ascii: ":") {
            guard n >= 2, bytes[1] == UInt8(ascii: ":") else { return nil }
            compressed = true
            i = 2
            if i == n { return IPv6Address(high: 0, low: 0) }
        }
        while i < n {
            // Parse one group (hex) or an embedded IPv4 tail.
            var j = i
            var sawDot = false
            while j < n && bytes[j] != UInt8(ascii: ":") {
                if bytes[j] == UInt8(ascii: ".") { sawDot = true }
                j += 1
            }
            if sawDot {
                // Embedded IPv4 must be the last thing.
                guard j == n, let v4 = IPv4Address.parse(UnsafeBufferPointer(rebasing: bytes[i..<j])) else { return nil }
                append(UInt16(v4.value >> 16))
                append(UInt16(v4.value & 0xffff))
                i = j
                break
            }
            let len = j - i
            if len == 0 || len > 4 { return nil }
            var group: UInt16 = 0
            for k in i..<j {
                guard let h = IPv6Address.hexValue(bytes[k]) else { return nil }
                group = group << 4 | UInt16(h)
            }
            append(group)
            if j == n { i = j; break }
            // bytes[j] == ':'
            if j + 1 < n && bytes[j + 1] == UInt8(ascii: ":") {
                if compressed { return nil }
                compressed = true
                i = j + 2
            } else {
                i = j + 1
                if i == n { return nil } // trailing single colon
            }
        }
        let bits: UInt128
        if compressed {
            if headCount + tailCount > 7 { return nil }
            bits = head << (16 * (8 - headCount)) | tail
        } else if headCount != 8 {
            return nil
        } else {
            bits = head
        }
        return IPv6Address(high: UInt64(truncatingIfNeeded: bits >> 64), low: UInt64(truncatingIfNeeded: bits))
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    public var groups: [UInt16] {
        (0..<4).map { UInt16(truncatingIfNeeded: high >> (48 - 16 * UInt64($0))) } +
        (0..<4).map { UInt16(truncatingIfNeeded: low >> (48 - 16 * UInt64($0))) }
    }

    /// RFC 5952: lowercase, no leading zeros, the longest run (>1) of zero groups
    /// compressed (the first one on a tie), IPv4-mapped addresses with a dotted tail.
    public var description: String {
        let g = groups
        if high == 0 && low >> 32 == 0xffff {
            let v4 = IPv4Address(value: UInt32(truncatingIfNeeded: low))
            return "::ffff:\(v4)"
        }
        var bestStart = -1, bestLen = 0
        var k = 0
        while k < 8 {
            if g[k] == 0 {
                var e = k
                while e < 8 && g[e] == 0 { e += 1 }
                if e - k > bestLen && e - k > 1 { bestStart = k; bestLen = e - k }
                k = e
            } else { k += 1 }
        }
        func hex(_ v: UInt16) -> String { String(v, radix: 16) }
        if bestStart < 0 { return g.map(hex).joined(separator: ":") }
        let head = g[0..<bestStart].map(hex).joined(separator: ":")
        let tail = g[(bestStart + bestLen)...].map(hex).joined(separator: ":")
        return head + "::" + tail
    }

    public static func < (a: IPv6Address, b: IPv6Address) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    public var isUnspecified: Bool { high == 0 && low == 0 }
    /// `::1`, or an IPv4-mapped loopback (`::ffff:127.0.0.0/104`): a socket
    /// bound or connected to either never leaves the machine.
    public var isLoopback: Bool { high == 0 && (low == 1 || low >> 24 == 0xFFFF_7F) }
}

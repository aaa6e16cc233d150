/// An address of either family. Ordering puts every IPv4 address before every IPv6
/// one, so sorted address lists are stable and families never interleave.
public enum IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    case v4(IPv4Address)
    case v6(IPv6Address)

    /// Parses either family; IPv6 is recognised by its colon.
    public init?<S: StringProtocol>(_ text: S) {
        guard let a = text.withUTF8Bytes(IPAddress.parse) else { return nil }
        self = a
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        if bytes.contains(UInt8(ascii: ":")) {
            return IPv6Address.parse(bytes).map(IPAddress.v6)
        } else {
            return IPv4Address.parse(bytes).map(IPAddress.v4)
        }
    }

    public var description: String {
        switch self {
        case .v4(let a): return a.description
        case .v6(let a): return a.description
        }
    }

    public var isV4: Bool { if case .v4 = self { return true } else { return false } }

    /// Width of the address in bits: 32 or 128.
    public var bitWidth: Int { isV4 ? 32 : 128 }

    /// The address as an unsigned number in the low bits of a 128-bit integer.
    public var bits: UInt128 {
        switch self {
        case .v4(let a): return UInt128(a.value)
        case .v6(let a): return UInt128(a.high) << 64 | UInt128(a.low)
        }
    }

    /// The address of the same family as `self` with the given numeric value.
    public func sameFamily(bits: UInt128) -> IPAddress {
        switch self {
        case .v4: return .v4(IPv4Address(value: UInt32(truncatingIfNeeded: bits)))
        case .v6: return .v6(IPv6Address(high: UInt64(truncatingIfNeeded: bits >> 64), low: UInt64(truncatingIfNeeded: bits)))
        }
    }

    /// 0.0.0.0 or ::, which a listener uses to mean "every address".
    public var isUnspecified: Bool { bits == 0 }

    /// 127.0.0.0/8 or ::1: never reachable from another host.
    public var isLoopback: Bool {
        switch self {
        case .v4(let a): return a.isLoopback
        case .v6(let a): return a.isLoopback
        }
    }

    public static func < (a: IPAddress, b: IPAddress) -> Bool {
        switch (a, b) {
        case (.v4(let x), .v4(let y)): return x < y
        case (.v6(let x), .v6(let y)): return x < y
        case (.v4, .v6): return true
        case (.v6, .v4): return false
        }
    }
}

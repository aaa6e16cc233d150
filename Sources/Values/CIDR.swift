/// A network written as `address/prefix`. A `CIDR` always has its host bits zero:
/// `10.0.6.1/24` is refused by `parse` (it is an address on a network, not a
/// network), with the network it probably meant in the error.
public struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let network: IPAddress
    public let prefix: Int

    public enum ParseError: Error, Equatable, Sendable {
        /// Not of the form address/prefix, or the address or prefix is malformed.
        case syntax
        /// The prefix is longer than the address family allows.
        case prefixTooLong(max: Int)
        /// Host bits are set; carries the network with them cleared.
        case hostBitsSet(network: CIDR)
    }

    /// Builds a CIDR from any address by clearing its host bits. The prefix must
    /// fit the family (a programming error otherwise); for a prefix a spec can
    /// influence, use `network(containing:prefix:)`, which answers nil instead.
    public init(containing address: IPAddress, prefix: Int) {
        precondition(prefix >= 0 && prefix <= address.bitWidth)
        self.prefix = prefix
        self.network = address.sameFamily(bits: address.bits & CIDR.mask(prefix: prefix, width: address.bitWidth))
    }

    /// The network of `prefix` bits around `address`, or nil when the prefix is
    /// negative or longer than the address family allows.
    public static func network(containing address: IPAddress, prefix: Int) -> CIDR? {
        guard prefix >= 0, prefix <= address.bitWidth else { return nil }
        return CIDR(containing: address, prefix: prefix)
    }

    public static func parse<S: StringProtocol>(_ text: S) -> Result<CIDR, ParseError> {
        text.withUTF8Bytes(parse)
    }

    /// Parses `bytes` directly. The first `/` byte splits them; a `/` the
    /// `Character` view would fold into a cluster (`/` and a combining mark)
    /// leaves a non-ASCII byte on one side, a syntax error either way.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<CIDR, ParseError> {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return .failure(.syntax) }
        let prefixText = bytes[(slash + 1)...]
        // The prefix is plain decimal without leading zeros (`/08` could be read
        // as octal). Any longer digit string is well formed but too long, and is
        // reported as such rather than as a syntax error.
        guard let address = IPAddress.parse(UnsafeBufferPointer(rebasing: bytes[..<slash])),
              let first = prefixText.first,
              prefixText.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !(prefixText.count > 1 && first == UInt8(ascii: "0")) else { return .failure(.syntax) }
        guard prefixText.count <= 3 else { return .failure(.prefixTooLong(max: address.bitWidth)) }
        var prefix = 0
        for d in prefixText { prefix = prefix * 10 + Int(d - UInt8(ascii: "0")) }
        guard prefix <= address.bitWidth else { return .failure(.prefixTooLong(max: address.bitWidth)) }
        let cidr = CIDR(containing: address, prefix: prefix)
        if cidr.network != address { return .failure(.hostBitsSet(network: cidr)) }
        return .success(cidr)
    }

    public init?<S: StringProtocol>(_ text: S) {
        guard case .success(let c) = CIDR.parse(text) else { return nil }
        self = c
    }

    /// Netmask of `prefix` one-bits in the top of a `width`-bit number.
    static func mask(prefix: Int, width: Int) -> UInt128 {
        if prefix == 0 { return 0 }
        let all: UInt128 = width == 128 ? ~0 : (UInt128(1) << width) - 1
        return all & ~((UInt128(1) << (width - prefix)) - 1)
    }

    public var isV4: Bool { network.isV4 }
    public var bitWidth: Int { network.bitWidth }

    /// Number of host bits.
    public var hostBits: Int { bitWidth - prefix }

    public var first: IPAddress { network }

    /// The last address of the range: the broadcast address for IPv4.
    public var last: IPAddress {
        let hostMask: UInt128 = hostBits == 128 ? ~0 : (UInt128(1) << hostBits) - 1
        return network.sameFamily(bits: network.bits | hostMask)
    }

    /// IPv4 broadcast address; nil for IPv6, which has none.
    public var broadcast: IPAddress? { isV4 ? last : nil }

    /// Addresses in the range, saturating at UInt128.max for ::/0.
    public var size: UInt128 { hostBits == 128 ? UInt128.max : UInt128(1) << hostBits }

    public func contains(_ address: IPAddress) -> Bool {
        address.isV4 == isV4 && address.bits & CIDR.mask(prefix: prefix, width: bitWidth) == network.bits
    }

    /// True when every address of `other` is in `self`.
    public func contains(_ other: CIDR) -> Bool {
        other.isV4 == isV4 && other.prefix >= prefix && contains(other.network)
    }

    /// Two CIDR ranges overlap exactly when one contains the other.
    public func overlaps(_ other: CIDR) -> Bool {
        contains(other) || other.contains(self)
    }

    /// The `index`-th subnet of length `length` inside this network, or nil when
    /// it is out of range.
    public func subnet(length: Int, index: UInt128) -> CIDR? {
        guard length >= prefix, length <= bitWidth else { return nil }
        let count = length - prefix
        if count < 128 && index >= UInt128(1) << count { return nil }
        let offset = length == bitWidth ? index : index << (bitWidth - length)
        return CIDR(containing: network.sameFamily(bits: network.bits | offset), prefix: length)
    }

    public var description: String { "\(network)/\(prefix)" }

    public static func < (a: CIDR, b: CIDR) -> Bool {
        a.network != b.network ? a.network < b.network : a.prefix < b.prefix
    }
}

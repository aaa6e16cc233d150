/// An IPv4 address as a 32-bit number. Parsing accepts only the dotted-quad form
/// with decimal octets and no leading zeros (`010.0.0.1` is ambiguous: octal to
/// some tools, decimal to others), so what the user wrote is what every tool reads.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(value: UInt32) { self.value = value }

    public init?<S: StringProtocol>(_ text: S) {
        guard let a = text.withUTF8Bytes(IPv4Address.parse) else { return nil }
        self = a
    }

    /// Parses the dotted quad in `bytes` in one pass.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IPv4Address? {
        var octets = 0
        var current: UInt32 = 0
        var digits = 0
        var result: UInt32 = 0
        var leadingZero = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if leadingZero { return nil }
                if digits == 0 && byte == UInt8(ascii: "0") { leadingZero = true }
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 3 || current > 255 { return nil }
            case UInt8(ascii: "."):
                if digits == 0 || octets == 3 { return nil }
                result = result << 8 | current
                octets += 1
                current = 0; digits = 0; leadingZero = false
            default:
                return nil
            }
        }
        if digits == 0 || octets != 3 { return nil }
        return IPv4Address(value: result << 8 | current)
    }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }

    public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }

    public var isUnspecified: Bool { value == 0 }
    public var isLoopback: Bool { value >> 24 == 127 }
}

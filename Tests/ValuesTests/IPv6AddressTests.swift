import Testing
@testable import Values

@Suite struct IPv6AddressTests {
    /// Input text and its RFC 5952 canonical form.
    @Test(arguments: [
        ("::", "::"),
        ("::1", "::1"),
        ("1::", "1::"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("0:0:0:0:0:0:0:1", "::1"),
        ("2001:DB8::1", "2001:db8::1"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("FD00::", "fd00::"),
        ("fe80::1", "fe80::1"),
        // A single zero group is never compressed (RFC 5952 4.2.2).
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        // The longest run is compressed (4.2.1) ...
        ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
        // ... the first of equal runs (4.2.3).
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("1:0:0:2:3:0:0:4", "1::2:3:0:0:4"),
        ("0:0:1:0:0:0:0:0", "0:0:1::"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ("00:000:0000:1::", "0:0:0:1::"),
        // IPv4-mapped addresses keep a dotted tail (RFC 5952 5).
        ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
        ("::FFFF:0102:0304", "::ffff:1.2.3.4"),
        ("0:0:0:0:0:ffff:10.0.6.1", "::ffff:10.0.6.1"),
        ("::ffff:0.0.0.0", "::ffff:0.0.0.0"),
        // Other embedded dotted quads are plain hex groups.
        ("::1.2.3.4", "::102:304"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ("::ffff:1:1.2.3.4", "::ffff:1:102:304"),
    ])
    func parsesAndCanonicalizes(text: String, canonical: String) throws {
        let address = try #require(IPv6Address(text))
        #expect(address.description == canonical)
        // The canonical form reads back as the same address.
        #expect(IPv6Address(canonical) == address)
    }

    @Test(arguments: [
        "", ":", ":::", "1", "1:2", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
        "1::2::3", "::1::", "1:::2", ":1::2", "1::2:", ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:",
        // Eight groups leave nothing for :: to stand for.
        "1:2:3:4::5:6:7:8", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::",
        "12345::", "::g", "::-1", "1:2:3:4:5:6:7:8 ", " ::1", "::1/128",
        // Zone ids name one machine's interface; a cluster spec cannot use them.
        "fe80::1%eth0", "fe80::1%1", "fe80::1%",
        // Embedded dotted quads: only at the end, only valid, never with leading zeros.
        "::1.2.3", "::1.2.3.4.5", "::256.1.1.1", "::ffff:01.2.3.4", "1.2.3.4::",
        "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:1", "1:2:3:4:5:6::1.2.3.4",
        "1.2.3.4", "[::1]", "::１",
    ])
    func rejectsMalformed(text: String) {
        #expect(IPv6Address(text) == nil, "accepted \(text.debugDescription)")
    }

    @Test func groupsAreBigEndianHalves() {
        let address = IPv6Address(high: 0x2001_0db8_0000_0001, low: 0x0000_0000_ffff_0002)
        #expect(address.groups == [0x2001, 0x0db8, 0, 1, 0, 0, 0xffff, 2])
        #expect(address.description == "2001:db8:0:1::ffff:2")
    }

    @Test func ordersNumerically() throws {
        let a = try #require(IPv6Address("::ffff:ffff:ffff:ffff"))
        let b = try #require(IPv6Address("0:0:0:1::"))
        #expect(a < b)
        #expect(!(b < a))
    }

    @Test func classifiesSpecialAddresses() throws {
        #expect(try #require(IPv6Address("::")).isUnspecified)
        #expect(try #require(IPv6Address("::1")).isLoopback)
        #expect(try !#require(IPv6Address("::2")).isLoopback)
        #expect(try !#require(IPv6Address("1::1")).isLoopback)
    }
}

import Testing
@testable import Values

@Suite struct IPAddressTests {
    @Test func dispatchesOnTheColon() throws {
        let v4 = try #require(IPAddress("10.0.6.1"))
        #expect(v4.isV4)
        #expect(v4.bitWidth == 32)
        #expect(v4.bits == 0x0A00_0601)
        let v6 = try #require(IPAddress("::ffff:10.0.6.1"))
        #expect(!v6.isV4)
        #expect(v6.bitWidth == 128)
        #expect(v6.bits == 0xffff_0A00_0601)
        // The same number in another family is a different address.
        #expect(v4 != v6)
        #expect(IPAddress("") == nil)
        #expect(IPAddress("10.0.6") == nil)
        #expect(IPAddress("1::2::3") == nil)
    }

    @Test func bitsRoundTripThroughSameFamily() throws {
        let v6 = try #require(IPAddress("2001:db8::8:800:200c:417a"))
        #expect(v6.sameFamily(bits: v6.bits) == v6)
        #expect(v6.sameFamily(bits: 1).description == "::1")
        let v4 = try #require(IPAddress("1.2.3.4"))
        #expect(v4.sameFamily(bits: 0x0A00_0001).description == "10.0.0.1")
        // Bits beyond the family's width are dropped, not trapped on.
        #expect(v4.sameFamily(bits: UInt128.max).description == "255.255.255.255")
    }

    @Test func everyIPv4SortsBeforeEveryIPv6() throws {
        let addresses = try ["::1", "255.255.255.255", "::", "0.0.0.0", "10.0.0.1", "fe80::1"]
            .map { try #require(IPAddress($0)) }
        #expect(addresses.sorted().map(\.description) ==
                ["0.0.0.0", "10.0.0.1", "255.255.255.255", "::", "::1", "fe80::1"])
    }

    @Test func classifiesSpecialAddresses() throws {
        #expect(try #require(IPAddress("0.0.0.0")).isUnspecified)
        #expect(try #require(IPAddress("::")).isUnspecified)
        #expect(try !#require(IPAddress("::1")).isUnspecified)
        #expect(try #require(IPAddress("127.0.0.53")).isLoopback)
        #expect(try #require(IPAddress("::1")).isLoopback)
        // A v4-mapped loopback still never leaves the machine.
        #expect(try #require(IPAddress("::ffff:127.0.0.1")).isLoopback)
        #expect(try #require(IPAddress("::ffff:127.255.255.255")).isLoopback)
        #expect(try !#require(IPAddress("::ffff:128.0.0.1")).isLoopback)
        #expect(try !#require(IPAddress("::7f00:1")).isLoopback)
        #expect(try !#require(IPAddress("1::ffff:127.0.0.1")).isLoopback)
    }
}

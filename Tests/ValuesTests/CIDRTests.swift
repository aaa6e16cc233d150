import Testing
@testable import Values

@Suite struct CIDRTests {
    private func cidr(_ text: String) throws -> CIDR { try #require(CIDR(text), "\(text) did not parse") }
    private func address(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

    @Test(arguments: [
        ("10.0.6.0/24", "10.0.6.0/24"),
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("10.0.6.1/32", "10.0.6.1/32"),
        ("255.255.255.255/32", "255.255.255.255/32"),
        ("::/0", "::/0"),
        ("::1/128", "::1/128"),
        ("fd00::/8", "fd00::/8"),
        ("FD00:0:0::/64", "fd00::/64"),
        ("2001:db8::/32", "2001:db8::/32"),
        ("::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104"),
        ("172.31.0.0/20", "172.31.0.0/20"),
    ])
    func parsesNetworks(text: String, canonical: String) throws {
        #expect(try cidr(text).description == canonical)
    }

    @Test(arguments: [
        "", "/", "10.0.0.0", "10.0.0.0/", "/24", "10.0.0/24", "10.0.0.0/-1", "10.0.0.0/+8",
        "10.0.0.0/08", "10.0.0.0/00", "10.0.0.0/ 8", "10.0.0.0 /8", "10.0.0.0/8 ", "10.0.0.0/8/8",
        "10.0.0.0/255.0.0.0", "10.0.0.0/0x8", "::/0128", "fe80::%eth0/64",
        "1::2::3/64", "::/", "010.0.0.0/8",
    ])
    func rejectsSyntax(text: String) {
        #expect(CIDR.parse(text) == .failure(.syntax), "\(text.debugDescription)")
        #expect(CIDR(text) == nil)
    }

    @Test func rejectsPrefixesLongerThanTheFamily() {
        #expect(CIDR.parse("10.0.0.0/33") == .failure(.prefixTooLong(max: 32)))
        #expect(CIDR.parse("10.0.0.0/999") == .failure(.prefixTooLong(max: 32)))
        #expect(CIDR.parse("10.0.0.0/1000") == .failure(.prefixTooLong(max: 32)))
        #expect(CIDR.parse("::/99999999999999999999999") == .failure(.prefixTooLong(max: 128)))
        #expect(CIDR.parse("::/129") == .failure(.prefixTooLong(max: 128)))
        #expect(CIDR.parse("fd00::/200") == .failure(.prefixTooLong(max: 128)))
    }

    @Test(arguments: [
        ("10.0.6.1/24", "10.0.6.0/24"),
        ("10.0.6.255/24", "10.0.6.0/24"),
        ("10.1.2.3/16", "10.1.0.0/16"),
        ("1.2.3.4/0", "0.0.0.0/0"),
        ("255.255.255.255/31", "255.255.255.254/31"),
        ("172.31.5.10/20", "172.31.0.0/20"),
        ("fd00::1/8", "fd00::/8"),
        ("fe80::1/64", "fe80::/64"),
        ("::1/0", "::/0"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"),
        ("::ffff:10.1.2.3/120", "::ffff:10.1.2.0/120"),
    ])
    func hostBitsSetCarryTheNetwork(text: String, network: String) throws {
        let expected = try cidr(network)
        #expect(CIDR.parse(text) == .failure(.hostBitsSet(network: expected)))
        #expect(CIDR(text) == nil)
    }

    @Test func containingClearsHostBits() throws {
        let c = CIDR(containing: try address("10.0.6.234"), prefix: 24)
        #expect(c.description == "10.0.6.0/24")
        #expect(CIDR(containing: try address("fe80::abcd"), prefix: 0).description == "::/0")
        #expect(CIDR(containing: try address("fe80::abcd"), prefix: 128).description == "fe80::abcd/128")
    }

    @Test func networkContainingRefusesImpossiblePrefixes() throws {
        #expect(CIDR.network(containing: try address("10.1.2.3"), prefix: 16)?.description == "10.1.0.0/16")
        #expect(CIDR.network(containing: try address("10.1.2.3"), prefix: 32)?.description == "10.1.2.3/32")
        #expect(CIDR.network(containing: try address("10.1.2.3"), prefix: 33) == nil)
        #expect(CIDR.network(containing: try address("10.1.2.3"), prefix: -1) == nil)
        #expect(CIDR.network(containing: try address("::1"), prefix: 128)?.description == "::1/128")
        #expect(CIDR.network(containing: try address("::1"), prefix: 129) == nil)
    }

    @Test func firstLastBroadcastAndSize() throws {
        let lan = try cidr("10.0.6.0/24")
        #expect(lan.first.description == "10.0.6.0")
        #expect(lan.last.description == "10.0.6.255")
        #expect(lan.broadcast?.description == "10.0.6.255")
        #expect(lan.size == 256)
        #expect(lan.hostBits == 8)
        #expect(lan.isV4 && lan.bitWidth == 32)

        let all4 = try cidr("0.0.0.0/0")
        #expect(all4.last.description == "255.255.255.255")
        #expect(all4.size == 1 << 32)

        let single = try cidr("10.0.6.1/32")
        #expect(single.first == single.last)
        #expect(single.size == 1)

        let v6 = try cidr("fd00::/8")
        #expect(v6.last.description == "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
        #expect(v6.broadcast == nil)
        #expect(v6.size == 1 << 120)
        #expect(!v6.isV4 && v6.bitWidth == 128)

        // 2^128 does not fit: the size saturates (documented).
        let all6 = try cidr("::/0")
        #expect(all6.size == UInt128.max)
        #expect(all6.last.description == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
        #expect(try cidr("::/1").size == 1 << 127)
        #expect(try cidr("::1/128").size == 1)
    }

    @Test func containsAddresses() throws {
        let lan = try cidr("10.0.6.0/24")
        #expect(lan.contains(try address("10.0.6.0")))
        #expect(lan.contains(try address("10.0.6.255")))
        #expect(!lan.contains(try address("10.0.7.0")))
        #expect(!lan.contains(try address("10.0.5.255")))
        // Never across families, even for the "same" number.
        #expect(!lan.contains(try address("::ffff:10.0.6.1")))
        #expect(!lan.contains(try address("::a00:601")))
        #expect(try cidr("0.0.0.0/0").contains(try address("255.255.255.255")))
        #expect(try !cidr("0.0.0.0/0").contains(try address("::")))
        #expect(try cidr("::/0").contains(try address("ffff::1")))
        #expect(try !cidr("::/0").contains(try address("0.0.0.0")))
        #expect(try cidr("fd00::/8").contains(try address("fdff::1")))
        #expect(try !cidr("fd00::/8").contains(try address("fc00::1")))
    }

    @Test func containsAndOverlapsNetworks() throws {
        let overlay = try cidr("10.1.0.0/16")
        let inside = try cidr("10.1.2.0/24")
        let outside = try cidr("10.2.0.0/16")
        #expect(overlay.contains(inside))
        #expect(!inside.contains(overlay))
        #expect(overlay.contains(overlay))
        #expect(overlay.overlaps(inside) && inside.overlaps(overlay))
        #expect(!overlay.overlaps(outside) && !outside.overlaps(overlay))
        #expect(try cidr("0.0.0.0/0").overlaps(outside))
        // Adjacent ranges touch but do not overlap.
        #expect(try !cidr("10.0.0.0/25").overlaps(try cidr("10.0.0.128/25")))
        // Families never overlap.
        #expect(try !cidr("::/0").overlaps(try cidr("0.0.0.0/0")))
        #expect(try !cidr("::ffff:0.0.0.0/96").contains(try cidr("10.0.0.0/8")))
    }

    @Test func subnetsByIndex() throws {
        let overlay = try cidr("10.1.0.0/16")
        #expect(overlay.subnet(length: 24, index: 0)?.description == "10.1.0.0/24")
        #expect(overlay.subnet(length: 24, index: 1)?.description == "10.1.1.0/24")
        #expect(overlay.subnet(length: 24, index: 255)?.description == "10.1.255.0/24")
        #expect(overlay.subnet(length: 24, index: 256) == nil)
        #expect(overlay.subnet(length: 16, index: 0) == overlay)
        #expect(overlay.subnet(length: 16, index: 1) == nil)
        #expect(overlay.subnet(length: 32, index: 65535)?.description == "10.1.255.255/32")
        #expect(overlay.subnet(length: 33, index: 0) == nil)
        #expect(overlay.subnet(length: 15, index: 0) == nil)
        #expect(overlay.subnet(length: -1, index: 0) == nil)

        let all6 = try cidr("::/0")
        #expect(all6.subnet(length: 128, index: UInt128.max)?.description == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128")
        #expect(all6.subnet(length: 1, index: 1)?.description == "8000::/1")
        #expect(all6.subnet(length: 1, index: 2) == nil)
        #expect(try cidr("fd00::/8").subnet(length: 64, index: 3)?.description == "fd00:0:0:3::/64")
        #expect(try cidr("0.0.0.0/0").subnet(length: 32, index: UInt128(UInt32.max))?.description == "255.255.255.255/32")
        #expect(try cidr("0.0.0.0/0").subnet(length: 32, index: 1 << 32) == nil)
    }

    @Test func ordersByNetworkThenPrefix() throws {
        let sorted = try ["fd00::/8", "10.0.0.0/16", "10.0.0.0/8", "9.0.0.0/8"].map(cidr).sorted()
        #expect(sorted.map(\.description) == ["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "fd00::/8"])
    }
}

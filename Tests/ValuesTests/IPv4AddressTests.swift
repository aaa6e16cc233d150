import Testing
@testable import Values

@Suite struct IPv4AddressTests {
    @Test(arguments: [
        ("0.0.0.0", UInt32(0)),
        ("255.255.255.255", UInt32.max),
        ("10.0.6.234", UInt32(0x0A00_06EA)),
        ("127.0.0.1", UInt32(0x7F00_0001)),
        ("1.2.3.4", UInt32(0x0102_0304)),
        ("192.168.100.200", UInt32(0xC0A8_64C8)),
    ])
    func parsesDottedQuads(text: String, value: UInt32) throws {
        let address = try #require(IPv4Address(text))
        #expect(address.value == value)
        #expect(address.description == text)
    }

    @Test(arguments: [
        "", "1", "1.2", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "999.1.1.1",
        "1000.1.1.1", "01.2.3.4", "1.2.3.04", "00.0.0.0", "1.2.3.00", "010.0.0.1",
        "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4.", " 1.2.3.4", "1.2.3.4 ", "1.2.3.-4",
        "+1.2.3.4", "0x1.2.3.4", "1.2.3.a", "1,2,3,4", "1.2.3.4/32", "1.2.3.4:80",
        "::1", "١.٢.٣.٤", "1.2.3.4\0",
    ])
    func rejectsMalformed(text: String) {
        #expect(IPv4Address(text) == nil, "accepted \(text.debugDescription)")
    }

    @Test func parsesSubstrings() {
        let text = "x10.1.2.3y"
        let inner = text.dropFirst().dropLast()
        #expect(IPv4Address(inner)?.value == 0x0A01_0203)
    }

    @Test func ordersNumerically() throws {
        let a = try #require(IPv4Address("9.255.255.255"))
        let b = try #require(IPv4Address("10.0.0.0"))
        #expect(a < b)
        #expect(!(b < a))
    }

    @Test func classifiesSpecialAddresses() throws {
        #expect(try #require(IPv4Address("0.0.0.0")).isUnspecified)
        #expect(try !#require(IPv4Address("0.0.0.1")).isUnspecified)
        #expect(try #require(IPv4Address("127.255.0.1")).isLoopback)
        #expect(try !#require(IPv4Address("128.0.0.1")).isLoopback)
    }
}

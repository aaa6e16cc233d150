import Testing
@testable import Values

@Suite struct VersionTests {
    private func v(_ text: String) throws -> Version { try #require(Version(text), "\(text) did not parse") }

    @Test(arguments: [
        ("3.3", [3, 3]), ("2.3.7", [2, 3, 7]), ("v2.3.7", [2, 3, 7]), ("3", [3]),
        ("0.7.1", [0, 7, 1]), ("3.10", [3, 10]), ("1.2.3.4", [1, 2, 3, 4]), ("007.1", [7, 1]),
        ("999999.0", [999_999, 0]),
    ])
    func parses(text: String, components: [Int]) throws {
        #expect(try v(text).components == components)
    }

    @Test(arguments: [
        "", "v", "V3", "3.x", "x", "1.2.3.4.5", "3.", ".3", "3..1", "3.1-rc1", "3.1+b", " 3.1",
        "3.1 ", "-1", "3.-1", "1234567.0", "vv3", "3,1", "３",
    ])
    func rejects(text: String) {
        #expect(Version(text) == nil, "accepted \(text.debugDescription)")
    }

    @Test func comparesNumerically() throws {
        #expect(try v("3.10") > v("3.9"))
        #expect(try v("3.9") < v("3.10"))
        #expect(try v("0.18") > v("0.17.99"))
        #expect(try v("3.4") >= v("3.4.0"))
        #expect(try v("2.3.7") < v("3.0"))
        #expect(try v("3.6.0") > v("3.5.17"))
        #expect(try v("10") > v("9.99.99"))
    }

    @Test func trailingZerosDoNotMatter() throws {
        #expect(try v("3") == v("3.0"))
        #expect(try v("3.0.0") == v("v3"))
        #expect(try v("3.0.1") != v("3"))
        // Equal values hash alike, so Sets and Dictionaries agree with ==.
        #expect(try Set([v("3"), v("3.0"), v("3.0.0")]).count == 1)
        #expect(try v("0") == v("0.0"))
        #expect(try Set([v("0"), v("0.0.0")]).count == 1)
    }

    @Test func accessorsAndDescription() throws {
        #expect(try v("v2.3.7").description == "2.3.7")
        #expect(try v("3").minor == 0)
        #expect(try v("3.10").major == 3 && v("3.10").minor == 10)
        #expect(Version(major: 3, minor: 4) == (try v("3.4")))
        #expect(Version(major: 2, minor: 3, patch: 7).description == "2.3.7")
        #expect(Version(major: 3).description == "3.0")
    }
}

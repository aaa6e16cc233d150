import Testing
@testable import Checks

@Test func moduleLoads() { #expect(Bool(true)) }

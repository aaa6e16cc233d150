import Testing
@testable import Values

@Test func moduleLoads() { #expect(Bool(true)) }

import Testing
@testable import Model

@Test func moduleLoads() { #expect(Bool(true)) }

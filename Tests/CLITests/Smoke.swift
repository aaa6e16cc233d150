import Testing
@testable import TopocCLI

@Test func moduleLoads() { #expect(Bool(true)) }

import Testing
@testable import Diagnostics

@Test func moduleLoads() { #expect(Bool(true)) }

import Testing
@testable import Emitters

@Test func moduleLoads() { #expect(Bool(true)) }

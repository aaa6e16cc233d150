import Testing
@testable import Planner

@Test func moduleLoads() { #expect(Bool(true)) }

import Testing
@testable import Syntax

@Test func moduleLoads() { #expect(Bool(true)) }

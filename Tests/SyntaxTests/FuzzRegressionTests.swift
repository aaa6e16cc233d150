import Diagnostics
import Testing
@testable import Syntax

/// Inputs libFuzzer found (scripts/fuzz frontEnd), minimised, each run through
/// the same parse the fuzz target does and checked for a located diagnostic.
@Suite struct FuzzRegressionTests {
    /// Every diagnostic must point at a line the source index has, so the
    /// renderer can quote it.
    func expectLocatable(_ diagnostics: [Diagnostic], in source: SourceText, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for d in diagnostics {
            #expect(d.location.line >= 1 && d.location.line <= source.lineCount, "\(d.location) [\(d.rule)]", sourceLocation: sourceLocation)
            #expect(source.line(d.location.line) != nil, sourceLocation: sourceLocation)
        }
    }

    /// crash-0719fe66 (frontEnd): a spec whose lines end in CR alone (classic Mac
    /// line ends). libyaml counts CR as a line break, SourceText counted only LF,
    /// so a diagnostic reported line 123 of what the index saw as a 27-line file.
    @Test func carriageReturnOnlyLineEndsLocateDiagnostics() throws {
        let source = SourceText(bytes: Array("a: 1\rb: 2\ra: 3\r".utf8))
        let r = YAMLParser.parse(source)
        let d = try #require(r.diagnostics.first { $0.rule == "duplicate-key" })
        #expect(d.location.line == 3 && d.location.column == 1)
        #expect(source.line(3) == "a: 3")
        #expect(d.notes.first?.location?.line == 1)
        expectLocatable(r.diagnostics, in: source)
    }

    /// The same for every break libyaml counts: CRLF, NEL, LS and PS.
    @Test func everyYAMLLineBreakStartsALine() throws {
        let text = "a: 1\r\nb: 2\u{85}c: 3\u{2028}d: 4\u{2029}a: 5\n"
        let source = SourceText(text)
        #expect(source.lineCount == 6)
        #expect((1...5).map { source.line($0) } == ["a: 1", "b: 2", "c: 3", "d: 4", "a: 5"])
        #expect(source.line(6) == "")
        let r = YAMLParser.parse(source)
        let d = try #require(r.diagnostics.first { $0.rule == "duplicate-key" })
        #expect(d.location.line == 5)
        expectLocatable(r.diagnostics, in: source)
    }

    /// A syntax error after CR line ends: libyaml's mark and the index agree.
    @Test func syntaxErrorAfterCarriageReturnsIsOnItsLine() throws {
        let source = SourceText(bytes: Array("a: 1\rb: 2\rc: [1, 2\r".utf8))
        let r = YAMLParser.parse(source)
        #expect(r.root == nil)
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "yaml-syntax")
        expectLocatable(r.diagnostics, in: source)
    }

    /// Reader errors (bad UTF-8) are located by byte offset through the index.
    @Test func invalidUTF8AfterCarriageReturnsIsLocated() throws {
        let source = SourceText(bytes: Array("a: 1\rb: ".utf8) + [0xFF, 0x0D])
        let r = YAMLParser.parse(source)
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "yaml-syntax" && d.location.line == 2 && d.location.column == 4)
        expectLocatable(r.diagnostics, in: source)
    }
}

import Diagnostics
import Testing
@testable import Syntax

func parse(_ text: String) -> ParseResult { YAMLParser.parse(SourceText(text)) }

@Suite struct YAMLParserTests {
    @Test func nodesCarryOneBasedLineAndColumn() throws {
        let r = parse("a: 1\nlist:\n  - x\n  - {k: v}\n")
        let root = try #require(r.root)
        let pairs = try #require(root.mapping)
        #expect(pairs[0].key.location == SourceLocation(line: 1, column: 1, length: 1))
        #expect(pairs[0].value.location.line == 1 && pairs[0].value.location.column == 4)
        let items = try #require(pairs[1].value.sequence)
        #expect(items[0].location.line == 3 && items[0].location.column == 5)
        let inner = try #require(items[1].mapping)
        #expect(inner[0].value.location.line == 4 && inner[0].value.location.column == 9)
    }

    @Test func scalarStylesAreKept() throws {
        let root = try #require(parse("a: no\nb: \"no\"\nc: 'x'\nd: |\n  text\n").root)
        let p = try #require(root.mapping)
        #expect(p[0].value.isPlain && p[0].value.scalar == "no")
        #expect(!p[1].value.isPlain && p[1].value.scalar == "no")
        #expect(!p[2].value.isPlain)
        #expect(!p[3].value.isPlain && p[3].value.scalar == "text\n")
    }

    @Test func nullForms() throws {
        let root = try #require(parse("a:\nb: ~\nc: null\nd: ''\n").root)
        let p = try #require(root.mapping)
        #expect(p[0].value.isNull && p[1].value.isNull && p[2].value.isNull)
        #expect(!p[3].value.isNull)
    }

    @Test func aliasesResolveToTheAnchoredNode() throws {
        let root = try #require(parse("x: &a {k: v}\ny: *a\n").root)
        let p = try #require(root.mapping)
        let aliased = try #require(p[1].value.mapping)
        #expect(aliased[0].value.scalar == "v")
        // The alias points at the anchored text, where its values were written.
        #expect(aliased[0].value.location.line == 1)
    }

    @Test func mergeKeysWrittenKeysWin() throws {
        let root = try #require(parse("base: &b {os: centos7, mtu: 1500}\nhost:\n  <<: *b\n  mtu: 9000\n").root)
        let host = try #require(root.mapping?[1].value.mapping)
        #expect(host.map { $0.key.scalar } == ["os", "mtu"])
        #expect(host.first { $0.key.scalar == "mtu" }?.value.scalar == "9000")
        #expect(host.first { $0.key.scalar == "os" }?.value.location.line == 1)
    }

    @Test func mergeOfAListEarlierWins() throws {
        let root = try #require(parse("a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc: {<<: [*a, *b]}\n").root)
        let c = try #require(root.mapping?[2].value.mapping)
        #expect(c.first { $0.key.scalar == "k" }?.value.scalar == "1")
        #expect(c.first { $0.key.scalar == "j" }?.value.scalar == "3")
    }

    @Test func mergeOfAScalarIsAnError() {
        let r = parse("a: {<<: x}\n")
        #expect(r.diagnostics.contains { $0.rule == "yaml-syntax" && $0.location.column == 9 })
    }

    @Test func duplicateKeysReportSecondWithNoteAtFirst() throws {
        let r = parse("a: 1\nb: 2\na: 3\n")
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "duplicate-key" && d.location.line == 3 && d.location.column == 1)
        #expect(d.notes.first?.location?.line == 1)
        // The parse goes on: the first value is kept so later phases still work.
        #expect(r.root?.mapping?.count == 2)
    }

    @Test func duplicateKeysInLargeMappings() {
        var text = ""
        for i in 0..<100 { text += "k\(i): \(i)\n" }
        text += "k42: again\n"
        let r = parse(text)
        #expect(r.diagnostics.count == 1 && r.diagnostics[0].location.line == 101)
    }

    @Test func secondDocumentIsAnError() {
        let r = parse("a: 1\n---\nb: 2\n")
        #expect(r.root == nil)
        #expect(r.diagnostics.first?.rule == "yaml-syntax" && r.diagnostics.first?.location.line == 2)
    }

    @Test func emptyInputHasNoRootAndNoError() {
        let r = parse("")
        #expect(r.root == nil && r.diagnostics.isEmpty)
    }

    @Test func limitsAreEnforced() {
        let deep = YAMLParser.parse(SourceText(String(repeating: "[", count: 50)), limits: ParseLimits(maxDepth: 10))
        #expect(deep.diagnostics.first?.rule == "input-limit" && deep.diagnostics.first?.location.column == 11)
        let big = YAMLParser.parse(SourceText("a: b\n"), limits: ParseLimits(maxInputBytes: 3))
        #expect(big.diagnostics.first?.rule == "input-limit")
        let long = YAMLParser.parse(SourceText("a: bbbbbbbbbb\n"), limits: ParseLimits(maxScalarBytes: 5))
        #expect(long.diagnostics.first?.rule == "input-limit" && long.diagnostics.first?.location.column == 4)
        let bomb = YAMLParser.parse(SourceText("a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n"), limits: ParseLimits(maxAliasExpansion: 10))
        #expect(bomb.diagnostics.first?.rule == "input-limit")
    }

    @Test func tabsAreExplained() throws {
        let r = parse("a:\n\tb: 1\n")
        let d = try #require(r.diagnostics.first)
        #expect(d.rule == "yaml-syntax" && d.message.contains("tabs"))
    }
}

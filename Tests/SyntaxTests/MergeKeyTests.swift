import Diagnostics
import Testing
@testable import Syntax

/// Merge keys are applied in place when a mapping closes; these pin down the
/// order and precedence that YAML's merge gives, in the shapes a spec uses.
@Suite struct MergeKeyTests {
    func keys(_ node: Node?) -> [String?] { node?.mapping?.map { $0.key.scalar } ?? [] }
    func value(_ node: Node?, _ key: String) -> String? {
        node?.mapping?.first { $0.key.scalar == key }?.value.scalar
    }
    func entry(_ r: ParseResult, _ key: String) -> Node? {
        r.root?.mapping?.first { $0.key.scalar == key }?.value
    }

    @Test func mergedKeysTakeThePlaceOfTheirMergeEntry() {
        let r = parse("x: &x {b: 9, c: 3, a: 8}\nm: {a: 1, <<: *x, b: 2}\n")
        let m = entry(r, "m")
        #expect(keys(m) == ["a", "c", "b"])
        #expect(value(m, "a") == "1" && value(m, "b") == "2" && value(m, "c") == "3")
        #expect(r.diagnostics.isEmpty)
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() {
        let r = parse("s: &s {\"<<\": 2, k: 3}\nm: {<<: *s, j: 1}\nq: {\"<<\": {k: 1}}\n")
        let m = entry(r, "m")
        #expect(keys(m) == ["<<", "k", "j"])
        #expect(value(m, "<<") == "2" && value(m, "k") == "3")
        #expect(keys(entry(r, "q")) == ["<<"])
        #expect(r.diagnostics.isEmpty)
    }

    @Test func aSecondMergeEntryIsADuplicateKey() {
        let r = parse("a: &a {k: 1}\nm: {<<: *a, z: 0, <<: {r: 3}}\n")
        #expect(keys(entry(r, "m")) == ["k", "z"])
        #expect(r.diagnostics.map { $0.rule } == ["duplicate-key"])
    }

    @Test func mergingNothingDropsTheMergeEntry() {
        let r = parse("m: {<<: {}, a: 1}\nn: {<<: [], b: 2}\n")
        #expect(keys(entry(r, "m")) == ["a"])
        #expect(keys(entry(r, "n")) == ["b"])
    }

    @Test func aListMergesInOrderEarlierWins() {
        let r = parse("a: &a {k: 1, p: 1}\nb: &b {k: 2, q: 2}\nc: &c {q: 3, r: 3}\nm: {<<: [*a, *b, *c], z: 0}\n")
        let m = entry(r, "m")
        #expect(keys(m) == ["k", "p", "q", "r", "z"])
        #expect(value(m, "k") == "1" && value(m, "q") == "2")
    }

    @Test func largeMappingsMergeAlike() {
        // Over a dozen entries the keys taken are tracked in a set; same result.
        var text = "x: &x {k3: merged, extra: yes, k12: merged}\nm: {"
        text += (0..<13).map { "k\($0): \($0)" }.joined(separator: ", ")
        text += ", <<: *x}\n"
        let m = entry(parse(text), "m")
        #expect(keys(m) == (0..<13).map { "k\($0)" } + ["extra"])
        #expect(value(m, "k3") == "3" && value(m, "extra") == "yes")
    }

    @Test func anchoredMappingsAreSharedByEveryAlias() {
        let r = parse("d: &d {devices: [/dev/xvdf]}\nh1: {<<: *d, os: a}\nh2: {<<: *d, os: b}\n")
        let lists = ["h1", "h2"].map { entry(r, $0)?.mapping?.first { $0.key.scalar == "devices" }?.value.sequence ?? [] }
        #expect(lists[0].count == 1 && lists[1].count == 1)
        #expect(lists[0].withUnsafeBufferPointer { $0.baseAddress } == lists[1].withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func wideAndDeepCollectionsKeepEveryChild() {
        // More children than the node stack first holds, inside nested collections.
        let items = (0..<300).map { "i\($0)" }
        let text = "a:\n  b:\n    - [" + items.joined(separator: ", ") + "]\n    - {" + items.map { "\($0): v" }.joined(separator: ", ") + "}\n  c: end\n"
        let r = parse(text)
        let b = entry(r, "a")?.mapping?.first?.value.sequence
        #expect(b?[0].sequence?.map { $0.scalar } == items)
        #expect(b?[1].mapping?.map { $0.key.scalar } == items)
        #expect(entry(r, "a")?.mapping?[1].value.scalar == "end")
    }
}

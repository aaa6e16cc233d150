import Testing
import Values

/// The JSON writer's layout, written out by hand: key order as given, two
/// spaces per level, `": "`, empty containers closed on their line, and
/// string arrays on one line only when asked.
@Suite struct OrderedJSONTests {
    static let value = OrderedJSON.object([
        ("b", .array([.string("x"), .string("y\"")])),
        ("a", .array([.int(1), .bool(false)])),
        ("empty", .object([])),
        ("none", .array([])),
    ])

    @Test func expandedPutsEveryElementOnItsOwnLine() {
        #expect(Self.value.document() == """
            {
              "b": [
                "x",
                "y\\""
              ],
              "a": [
                1,
                false
              ],
              "empty": {},
              "none": []
            }

            """)
    }

    @Test func stringsInlineKeepsOnlyStringArraysOnOneLine() {
        #expect(Self.value.document(arrays: .stringsInline) == """
            {
              "b": ["x", "y\\""],
              "a": [
                1,
                false
              ],
              "empty": {},
              "none": []
            }

            """)
    }
}

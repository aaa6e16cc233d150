import Testing
@testable import Values

@Suite struct JSONQuotingTests {
    @Test(arguments: [
        ("", #""""#),
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"C:\path"#, #""C:\\path""#),
        ("a\nb\rc\td", #""a\nb\rc\td""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", #""\u007f""#),
        ("line\u{2028}para\u{2029}", #""line\u2028para\u2029""#),
        ("/slash/ & <tag>", #""/slash/ & <tag>""#),
        ("héllo ✓ 🐳", "\"héllo ✓ 🐳\""),
        ("$(rm -rf /)`x`'", #""$(rm -rf /)`x`'""#),
    ])
    func quotes(text: String, json: String) {
        #expect(JSONQuoting.quote(text) == json)
    }

    @Test func outputHasNoRawControlCharacters() {
        let everyLowScalar = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        let quoted = JSONQuoting.quote(everyLowScalar)
        #expect(quoted.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    }

    /// Hostile strings survive a round trip through Python's json.loads.
    @Test func pythonReadsBackWhatWeWrote() throws {
        var hostile = [
            "", "\"", "\\", "\\\"", "\"\\\"", "\u{0}", "\u{1B}[31mred", "\u{7F}", "\u{2028}\u{2029}",
            "tab\there", "cr\rlf\n", "\u{08}\u{0C}\u{0B}", "}{][,:", "é🐳\u{FEFF}\u{200B}", "\u{10FFFF}",
            "e\u{301}", "$(x) `y` ${z}", "</script>", "\\u0041", "\u{85}\u{A0}",
        ]
        hostile.append(String(String.UnicodeScalarView((0..<0x300).compactMap(Unicode.Scalar.init))))
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...24, using: &rng)).compactMap { _ -> Unicode.Scalar? in
                let pool: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x2000...0x202F, 0xD7F0...0xE010, 0x1F000...0x1F6FF]
                return Unicode.Scalar(UInt32.random(in: pool[Int.random(in: 0..<pool.count, using: &rng)], using: &rng))
            }
            hostile.append(String(String.UnicodeScalarView(scalars)))
        }
        // One JSON literal per line: no raw newline may survive quoting.
        let input = hostile.map(JSONQuoting.quote).joined(separator: "\n") + "\n"
        let script = #"""
        import json, sys
        with open(sys.argv[1], encoding='utf-8') as f:
            lines = f.read().split('\n')[:-1]
        for line in lines:
            try:
                value = json.loads(line)
            except ValueError as e:
                sys.stdout.write('json.loads failed: %s\n' % e)
                continue
            sys.stdout.write(json.dumps([ord(c) for c in value]) + '\n')
        """#
        let output = try PythonRunner.run(script: script, input: input)
        let decoded = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(decoded.count == hostile.count)
        for (original, python) in zip(hostile, decoded) {
            let expected = "[" + original.unicodeScalars.map { String($0.value) }.joined(separator: ", ") + "]"
            #expect(python == expected, "round trip of \(original.debugDescription)")
        }
    }
}

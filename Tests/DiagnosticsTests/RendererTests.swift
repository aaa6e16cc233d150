import Foundation
import Testing
@testable import Diagnostics

@Suite struct RendererTests {
    let report = FileReport(file: "s.yaml", source: SourceText("a: 1\nclient_port: 2379\n"), diagnostics: [
        Diagnostic(.error, rule: "port-conflict", "port 2379/tcp is taken twice", at: SourceLocation(line: 2, column: 14, length: 4),
                   notes: [Note("already here", at: SourceLocation(line: 1, column: 1))]),
        Diagnostic(.warning, rule: "w", "quote \" and \n newline", at: SourceLocation(line: 1, column: 4)),
    ])

    @Test func textMatchesTheSpecLayout() {
        let text = TextRenderer(colour: false).render([report])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "s.yaml:2:14: error: port 2379/tcp is taken twice [port-conflict]")
        #expect(lines[1] == "    2 | client_port: 2379")
        #expect(lines[2] == "      |              ^~~~")
        #expect(lines[3] == "s.yaml:1:1: note: already here")
        // A newline in a message never breaks the one-line form.
        #expect(lines[4] == "s.yaml:1:4: warning: quote \" and \\u{a} newline [w]")
    }

    @Test func jsonHasTheSpecShape() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.render([report]).utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let d = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["severity"] as? String == "error" && d["rule"] as? String == "port-conflict")
        #expect(d["file"] as? String == "s.yaml" && d["line"] as? Int == 2 && d["column"] as? Int == 14)
        let note = try #require((d["notes"] as? [[String: Any]])?.first)
        #expect(note["line"] as? Int == 1 && note["file"] as? String == "s.yaml")
        #expect(json["summary"] as? [String: Int] == ["errors": 1, "warnings": 1, "infos": 0])
    }

    @Test func sarifHasRulesAndRegions() throws {
        let rules = [RuleDescriptor(name: "port-conflict", severity: .error, summary: "s", explanation: "e")]
        let sarif = SARIFRenderer.render([report], rules: rules, toolVersion: "0")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "port-conflict" && result["level"] as? String == "error")
        let region = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(region == ["startLine": 2, "startColumn": 14])
    }

    @Test func sourceTextLocatesBytes() {
        let s = SourceText("ab\ncdé\nx")
        #expect(s.location(ofByte: 0) == SourceLocation(line: 1, column: 1))
        #expect(s.location(ofByte: 3) == SourceLocation(line: 2, column: 1))
        #expect(s.location(ofByte: 7) == SourceLocation(line: 2, column: 4))
        #expect(s.line(2) == "cdé" && s.line(4) == nil)
    }
}

import TestSupport
import Testing
@testable import Emitters

@Suite struct ScriptShellWordTests {
    @Test func quoting() {
        #expect(ShellWord.quote("etcd") == "etcd")
        #expect(ShellWord.quote("http://10.0.6.234:2379") == "http://10.0.6.234:2379")
        #expect(ShellWord.quote("") == "''")
        #expect(ShellWord.quote("a b") == "'a b'")
        #expect(ShellWord.quote("it's") == "'it'\\''s'")
        #expect(ShellWord.quote("$(rm -rf /)") == "\"\\$(rm -rf /)\"")
        #expect(ShellWord.quote("a`b`\"\\") == "\"a\\`b\\`\\\"\\\\\"")
        #expect(ShellWord.quote("x;y|z&>") == "'x;y|z&>'")
    }

    /// What bash reads back is exactly the original string.
    @Test(arguments: ["plain", "a b", "it's", "$HOME and `id`", "tab\there", "new\nline", "*?[a]~{x,y}", "\\\"'$'", "ünïcode", "!bang"])
    func bashReadsItBack(_ s: String) throws {
        let r = try Subprocess.run(["bash", "-c", "printf '%s' " + ShellWord.quote(s)])
        #expect(r.status == 0)
        #expect(r.stdout == s)
    }

    @Test func heredocContentIsByteExact() throws {
        for content in ["", "one line\n", "no newline", "two\n\n", "TOPOC_EOF\nTOPOC_EOF_1\n$x `y` \\n\n", "  indented\n\ttab"] {
            let fn = HeredocContent.function(named: "f", content: content)
            let r = try Subprocess.run(["bash", "-c", fn + "f"])
            #expect(r.status == 0)
            #expect(r.stdout == content, "\(content.debugDescription)")
        }
        #expect(HeredocContent.delimiter(for: "TOPOC_EOF\nTOPOC_EOF_1\n") == "TOPOC_EOF_2")
        #expect(HeredocContent.delimiter(for: "xTOPOC_EOF\n") == "TOPOC_EOF")
    }
}

import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// `topoc completion bash|zsh|fish` loaded into the real shells and asked to
/// complete: bash through COMP_WORDS, zsh through a pseudo-terminal (zpty),
/// fish through `complete -C`. zsh and fish tests run where those shells are
/// installed (scripts/test installs them).
@Suite struct EcosystemCompletionTests {
    /// The rules a user typing `prefix` means, from the rule table itself.
    static func rules(startingWith prefix: String) -> [String] {
        Topoc.allRules.map { $0.name }.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The script for `shell`, written to a file the shell sources.
    static func script(_ shell: String, in dir: URL) throws -> String {
        let r = runTopoc(["completion", shell])
        try #require(r.status == 0 && r.stderr.isEmpty)
        let path = dir.appendingPathComponent("topoc.\(shell)").path
        try r.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What bash's completion function offers for `words` (the last one being
    /// completed), one candidate a line, sorted.
    static func bashComplete(_ script: String, _ words: [String]) throws -> (status: Int32, candidates: [String], stderr: String) {
        let body = """
        source "$1" || exit 9
        shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _topoc
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let r = try Subprocess.run(["/bin/bash", "-c", body, "bash", script] + words)
        return (r.status, r.stdout.split(separator: "\n").map(String.init).sorted(), r.stderr)
    }

    @Test func bashLoadsAndCompletes() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let script = try Self.script("bash", in: dir)
        let syntax = try Subprocess.run(["/bin/bash", "-n", script])
        #expect(syntax.status == 0, "\(syntax.stderr)")
        let loaded = try Subprocess.run(["/bin/bash", "-c", "source \"$1\" && complete -p topoc", "bash", script])
        #expect(loaded.status == 0 && loaded.stderr.isEmpty, "\(loaded.stderr)")
        #expect(loaded.stdout == "complete -o filenames -F _topoc topoc\n")
        // The documented way to load it, through the built binary when there is one.
        if FileManager.default.isExecutableFile(atPath: topocBinary()) {
            let live = try Subprocess.run(["/bin/bash", "-c", "source <(\"$1\" completion bash) && complete -p topoc", "bash", topocBinary()])
            #expect(live.status == 0 && live.stdout.contains("_topoc"), "\(live.stderr)")
        }
        let explain = try Self.bashComplete(script, ["topoc", "explain", "por"])
        #expect(explain.status == 0 && explain.stderr.isEmpty, "\(explain.stderr)")
        #expect(explain.candidates == Self.rules(startingWith: "por"))
        #expect(explain.candidates.contains("port-conflict") && explain.candidates.contains("portworx-min-nodes"))
        #expect(try Self.bashComplete(script, ["topoc", "comp"]).candidates == ["compile", "completion"])
        #expect(try Self.bashComplete(script, ["topoc", "lint", "--ignore", "kvdb-e"]).candidates == ["kvdb-endpoint-url", "kvdb-even-members"])
        #expect(try Self.bashComplete(script, ["topoc", "completion", ""]).candidates == ["bash", "fish", "zsh"])
        #expect(try Self.bashComplete(script, ["topoc", "compile", "--ch"]).candidates == ["--check"])
    }

    static let zsh = Subprocess.which("zsh")
    static let fish = Subprocess.which("fish")

    /// Types `line` and two tabs into an interactive zsh with the script
    /// sourced, and returns the screen text (escape sequences removed).
    static func zshScreen(_ zsh: String, script: String, line: String) throws -> String {
        let driver = """
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z "PS1=''; autoload -U compinit; compinit -u -d $3; source $1; zstyle ':completion:*' list-prompt ''; LISTMAX=10000"
        zpty -w -n z "$2"$'\\t\\t'
        sleep 2
        out=''
        while zpty -r -t z chunk; do out+=$chunk; done
        print -r -- "$out"
        zpty -d z
        """
        let dir = try Scratch.directory("zcompdump")
        defer { Scratch.remove(dir) }
        let dump = dir.appendingPathComponent("dump").path
        let r = try Subprocess.run(["/usr/bin/timeout", "30", zsh, "-f", "-c", driver, "zsh", script, line, dump])
        return r.stdout.replacingOccurrences(of: "\u{1b}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }

    @Test(.enabled(if: zsh != nil, "zsh is not installed (scripts/test installs it)"))
    func zshParsesAndCompletes() throws {
        let zsh = try #require(Self.zsh)
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let script = try Self.script("zsh", in: dir)
        let syntax = try Subprocess.run([zsh, "-n", script])
        #expect(syntax.status == 0, "\(syntax.stderr)")
        // Sourced, it registers itself with compdef.
        let sourced = try Subprocess.run([zsh, "-f", "-c", "autoload -U compinit && compinit -u -d \"$2\" && source \"$1\" && print -r -- ${_comps[topoc]}", "zsh", script, dir.appendingPathComponent("dump").path])
        #expect(sourced.status == 0 && sourced.stdout == "_topoc\n", "\(sourced.stdout)\(sourced.stderr)")
        let screen = try Self.zshScreen(zsh, script: script, line: "topoc explain por")
        for rule in Self.rules(startingWith: "por") { #expect(screen.contains(rule + " "), "\(rule) not offered:\n\(screen)") }
        #expect(screen.contains("-- Two components of one host listen"), "rules come with their summaries:\n\(screen)")
        let ignore = try Self.zshScreen(zsh, script: script, line: "topoc lint --ignore kvdb-e")
        #expect(ignore.contains("kvdb-endpoint-url") && ignore.contains("kvdb-even-members") && !ignore.contains("port-conflict"), "\(ignore)")
    }

    @Test(.enabled(if: fish != nil, "fish is not installed (scripts/test installs it)"))
    func fishParsesAndCompletes() throws {
        let fish = try #require(Self.fish)
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let script = try Self.script("fish", in: dir)
        let syntax = try Subprocess.run([fish, "-n", script])
        #expect(syntax.status == 0, "\(syntax.stderr)")
        func complete(_ line: String) throws -> [String] {
            let r = try Subprocess.run([fish, "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", script, line])
            return r.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }.sorted()
        }
        #expect(try complete("topoc explain por") == Self.rules(startingWith: "por"))
        #expect(try complete("topoc lint --ignore kvdb-e") == ["kvdb-endpoint-url", "kvdb-even-members"])
        #expect(try complete("topoc comp") == ["compile", "completion"])
    }
}

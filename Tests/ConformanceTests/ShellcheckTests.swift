import Foundation
import TestSupport
import Testing

/// Every generated script (hosts/*/setup.sh, workstation/setup.sh) parses under
/// `bash -n` and has no shellcheck finding at its default severity.
@Suite struct ShellcheckTests {
    /// Writes a spec's scripts under a scratch directory, keeping their paths.
    static func writeScripts(_ spec: CompiledSpec, to dir: URL) throws -> [String] {
        var paths: [String] = []
        for script in spec.scripts {
            try Scratch.write(script.bytes, to: dir.appendingPathComponent(script.path), executable: true)
            paths.append(script.path)
        }
        return paths
    }

    /// shellcheck's findings (empty when clean) over scripts under `dir`.
    static func shellcheck(_ paths: [String], in dir: URL) throws -> Subprocess.Result {
        try Subprocess.run(["shellcheck", "--format=gcc", "--external-sources"] + paths, in: dir)
    }

    @Test(arguments: Specs.all)
    func everyScriptIsShellcheckClean(_ spec: CompiledSpec) throws {
        guard Tool.require("shellcheck", "bash") else { return }
        let dir = try Scratch.directory("shellcheck")
        defer { Scratch.remove(dir) }
        let paths = try Self.writeScripts(spec, to: dir)
        #expect(!paths.isEmpty)
        let result = try Self.shellcheck(paths, in: dir)
        #expect(result.status == 0 && result.output.isEmpty, "\(spec.file): shellcheck:\n\(result.output)")
        for path in paths {
            let syntax = try Subprocess.run(["bash", "-n", path], in: dir)
            #expect(syntax.status == 0 && syntax.output.isEmpty, "\(spec.file) \(path): bash -n: \(syntax.output)")
        }
    }
}

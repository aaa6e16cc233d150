import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// Shared by the Ecosystem tests: the Python tools they hand topoc's outputs
/// to, found where scripts/test installs them, and the seed specs compiled.
/// (Programs on PATH and running them: TestSupport's `Subprocess`.)
enum Ecosystem {
    /// A tool of the Python venv scripts/test prepares: beside $TOPOC_PYTHON,
    /// else in the checkout's .venv. Nil when neither has it.
    static func venvTool(_ name: String) -> String? {
        var dirs: [String] = []
        if let python = ProcessInfo.processInfo.environment["TOPOC_PYTHON"] {
            dirs.append(URL(fileURLWithPath: python).deletingLastPathComponent().path)
        }
        dirs.append(Repository.url(".venv/bin").path)
        return dirs.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func missing(_ what: String) -> Comment {
        Comment(rawValue: "\(what) is not installed: run scripts/test, which installs it (apt packages and the .venv)")
    }

    /// Every spec file the tests compile: Specs/ and Tests/Specs/ when present.
    static var specFiles: [String] {
        ["Specs", "Tests/Specs"].flatMap { dir -> [String] in
            let path = Repository.url(dir).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
        }
    }

    /// Compiles the seed specs into a fresh directory; the caller removes it.
    static func compiledSeeds() throws -> URL {
        let dir = try Scratch.directory("cli")
        let r = runTopoc(["compile", "-o", dir.path, specPath("flannel-userns.yaml"), specPath("ecs-demo.yaml")])
        try #require(r.status == 0, "compile failed: \(r.stderr)")
        return dir
    }

    /// A JSON value printed by a program.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

import Foundation
import TestSupport
import Testing
import TopocCLI

/// The checks below run on every spec in Specs/ and Tests/Specs/: each must
/// lint without errors (so none silently drops out of the other checks).
@Suite struct SpecCoverageTests {
    @Test func everySpecCompilesWithoutErrors() throws {
        #expect(Specs.paths.filter { $0.hasPrefix("Specs/") }.count >= 2)
        #expect(Specs.paths.filter { $0.hasPrefix("Tests/Specs/") }.count >= 5)
        for path in Specs.paths {
            let bytes = [UInt8](try Data(contentsOf: Repository.url(path)))
            let checked = Pipeline.check(bytes)
            let errors = checked.diagnostics.filter { $0.severity == .error }.map { "\($0.rule): \($0.message)" }
            #expect(errors.isEmpty, "\(path): \(errors)")
        }
        #expect(Specs.all.count == Specs.paths.count, "a spec failed to compile")
    }
}

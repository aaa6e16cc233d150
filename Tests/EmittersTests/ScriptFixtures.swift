import Foundation
import Model
import Planner
import TestSupport
import Testing

/// Shared by the Script, Graph and Ansible tests: the seed specs and their
/// plans. (Running bash, shellcheck and dot on what the emitters write, and
/// scratch directories: TestSupport.)
enum ScriptFixtures {
    static let seeds = ["flannel-userns.yaml", "ecs-demo.yaml"]

    static func seed(_ file: String) throws -> (Topology, Plan) {
        let t = try Support.topology(Repository.text("Specs/" + file))
        let (plan, diagnostics) = Planner.plan(t)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return (t, try #require(plan))
    }
}

import Foundation
import Testing
@testable import Emitters
import Planner

@Test func dumpAll() throws {
    for f in ScriptFixtures.seeds {
        let (t, p) = try ScriptFixtures.seed(f)
        let dir = URL(fileURLWithPath: "/tmp/topoc-dump/" + p.name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for h in t.hosts {
            try SetupScript.render(p, host: h.name.value, topology: t).write(to: dir.appendingPathComponent(h.name.value + ".sh"), atomically: true, encoding: .utf8)
        }
        if let w = WorkstationScript.render(p, topology: t) { try w.write(to: dir.appendingPathComponent("workstation.sh"), atomically: true, encoding: .utf8) }
        try GraphDOT.render(p).write(to: dir.appendingPathComponent("graph.dot"), atomically: true, encoding: .utf8)
        try PlanJSON.render(p).write(to: dir.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
        try Runbook.render(p, host: nil).write(to: dir.appendingPathComponent("runbook.txt"), atomically: true, encoding: .utf8)
    }
}

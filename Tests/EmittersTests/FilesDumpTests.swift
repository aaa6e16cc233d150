import Foundation
import Testing
import Planner
@testable import Emitters

@Test func dumpSeeds() throws {
    for (spec, refs) in [("flannel-userns", [FileRef.etcdConf(kvdb: "flannel-etcd", member: "node1"), .etcdContainerUnit(kvdb: "px-etcd", member: "node1"), .flanneldSysconfig(host: "node1"), .flanneldUnit(host: "node2"), .dockerDaemonJSON(host: "node1"), .dockerFlannelDropIn(host: "node1"), .portworxUnit(host: "node1"), .portworxUnit(host: "node2"), .usernsSysctl(host: "node1")]),
                         ("ecs-demo", [FileRef.portworxUnit(host: "ecs1"), .ecsAgentUnit(host: "ecs1"), .ecsSysctl(host: "ecs1")])] {
        let t = try Support.seed(spec)
        var out = ""
        for r in refs { out += "=== \(r)\n" + FileRenderer.content(of: r, in: t) }
        out += "=== compose\n" + (ECSFiles.compose(t) ?? "nil\n")
        out += "=== params\n" + (ECSFiles.ecsParams(t) ?? "nil\n")
        out += "=== taskdef\n" + (ECSFiles.taskDefinition(t) ?? "nil\n")
        try out.write(toFile: "/tmp/dump-\(spec).txt", atomically: true, encoding: .utf8)
    }
}

import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Checks

/// The two specs that reproduce the guide lint without errors; every warning
/// and info below is a real weakness or decision of the guide's setup.
@Suite struct SeedSpecTests {
    func findings(_ name: String) throws -> [String] {
        let text = try Repository.text("Specs/" + name)
        return try lint(text).map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.rule)" }
    }

    @Test func flannelUserns() throws {
        #expect(try findings("flannel-userns.yaml") == [
            "8:3 info os-end-of-life",              // CentOS 7 is past end of life
            "12:68 warning kvdb-fault-tolerance",    // flannel-etcd: one member
            "19:14 warning kvdb-fault-tolerance",    // px-etcd: one member
            "29:12 warning overlay-backend-udp",     // the guide ran flannel's debugging backend
            "32:17 warning userns-volume-driver",    // pxd under user-namespace remapping
            "32:17 info userns-reboot",              // CentOS 7 needs kernel args and a reboot
            "35:3 info userns-host-namespace",       // the guide's open question, answered
            "35:10 warning image-unpinned",          // portworx/px-enterprise without a tag
            "38:39 warning portworx-force-format",   // -f reformats drives
        ])
    }

    @Test func ecsDemo() throws {
        #expect(try findings("ecs-demo.yaml") == [
            "8:3 info os-end-of-life",                       // Ubuntu 16.04 is out of standard support
            "14:10 warning image-unpinned",                  // portworx/px-dev
            "17:46 warning portworx-zero-storage-conflict",  // -a -z together, as in the guide
            "17:59 warning portworx-force-format",           // -f
            "19:3 info ecs-cli-archived",
            "21:10 warning image-unpinned",                  // the agent's default :latest
            "25:18 warning image-unpinned",                  // binocarlos/moby-counter
            "26:20 warning image-unpinned",                  // redis
        ])
    }
}

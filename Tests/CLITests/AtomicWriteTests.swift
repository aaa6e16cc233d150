import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// `topoc compile` killed with SIGKILL at random moments: the output directory
/// must always hold the complete old tree or the complete new one (its MANIFEST
/// verifies and lists exactly the files present), never a mix, never nothing.
@Suite(.serialized) struct AtomicWriteTests {
    /// A spec large enough that writing takes a while: `hosts` hosts, each with
    /// its setup.sh and installed files. The client port changes what every
    /// Portworx host's files say, so two ports give two different trees.
    static func largeSpec(hosts: Int, clientPort: Int) -> String {
        var s = """
        version: 1
        name: big
        defaults: {os: ubuntu2204}
        subnets:
          lan: {cidr: 10.0.0.0/16}
        hosts:

        """
        for i in 0..<hosts { s += "  h\(i): {ifaces: {eth0: {subnet: lan, address: 10.0.\(i / 250).\(i % 250 + 1)}}, devices: [/dev/sdb]}\n" }
        s += """
        kvdbs:
          px: {engine: etcd, version: "3.5", run: host, members: [h0, h1, h2], client_port: \(clientPort)}
        portworx: {image: "portworx/px-dev:2.13.0", cluster_id: c, kvdb: px, storage: {devices: [/dev/sdb]}}

        """
        return s
    }

    /// The tree's MANIFEST, after checking it verifies and lists every file.
    static func verifiedManifest(_ tree: String) -> String? {
        guard let manifest = try? String(contentsOfFile: tree + "/MANIFEST", encoding: .utf8) else { return nil }
        guard let check = try? Subprocess.run(["/bin/sh", "-c", "cd \"$1\" && sha256sum --quiet --strict -c MANIFEST", "sh", tree]),
              check.status == 0 else { return nil }
        let listed = Set(manifest.split(separator: "\n").map { String($0.dropFirst(66)) })
        let onDisk = Set((FileManager.default.enumerator(atPath: tree)?.allObjects ?? []).compactMap { $0 as? String }.filter {
            var d: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: tree + "/" + $0, isDirectory: &d)
            return !d.boolValue && $0 != "MANIFEST"
        })
        return listed == onDisk ? manifest : nil
    }

    /// Two large specs that compile to different trees, and where to write them.
    static func twoSpecs(in dir: URL, hosts: Int) throws -> (a: URL, b: URL, out: String) {
        let specA = dir.appendingPathComponent("a.yaml"), specB = dir.appendingPathComponent("b.yaml")
        try largeSpec(hosts: hosts, clientPort: 2379).write(to: specA, atomically: true, encoding: .utf8)
        try largeSpec(hosts: hosts, clientPort: 2479).write(to: specB, atomically: true, encoding: .utf8)
        return (specA, specB, dir.appendingPathComponent("out").path)
    }

    @Test func killedCompilesLeaveTheOldOrTheNewTree() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let (specA, specB, out) = try Self.twoSpecs(in: dir, hosts: 600)
        let tree = out + "/big"
        // Reference manifests of both trees.
        #expect(try Subprocess.run([topocBinary(), "compile", specB.path, "-o", out]).status == 0)
        let manifestB = try #require(Self.verifiedManifest(tree))
        #expect(try Subprocess.run([topocBinary(), "compile", specA.path, "-o", out]).status == 0)
        let manifestA = try #require(Self.verifiedManifest(tree))
        #expect(manifestA != manifestB)
        // How long one compile takes here, to spread the kills over it.
        let start = Date()
        #expect(try Subprocess.run([topocBinary(), "compile", specA.path, "-o", out]).status == 0)
        let duration = max(0.05, Date().timeIntervalSince(start))

        var generator = SystemRandomNumberGenerator()
        var sawOld = 0, sawNew = 0
        for attempt in 0..<24 {
            let spec = attempt % 2 == 0 ? specB : specA
            let specFile: String = spec.path
            let child = try Spawned([topocBinary(), "compile", specFile, "-o", out])
            usleep(UInt32(Double.random(in: 0...(duration * 1.2), using: &generator) * 1_000_000))
            kill(child.pid, SIGKILL)
            child.wait()
            let found = Self.verifiedManifest(tree)
            #expect(found != nil, "attempt \(attempt): the tree is incomplete or mixed")
            #expect(found == manifestA || found == manifestB, "attempt \(attempt): neither tree")
            let expectedNew = spec == specB ? manifestB : manifestA
            if found == expectedNew { sawNew += 1 } else { sawOld += 1 }
        }
        // A later compile cleans up whatever killed runs left behind.
        #expect(try Subprocess.run([topocBinary(), "compile", specA.path, "-o", out]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != "big" }
        #expect(leftovers.isEmpty, "stale staging directories: \(leftovers)")
        // Both outcomes occurred, so the kills really landed mid-write and after.
        print("atomic write: \(sawOld) kills left the old tree, \(sawNew) the new one")
    }

    /// A compile whose writes fail part-way (a file-size limit, so every file
    /// beyond 4 KiB is refused with EFBIG, on several threads at once) must
    /// exit 2 naming the file (SPEC §2: a file could not be written), leave the
    /// old tree exactly as it was, and leave
    /// no staging directory behind.
    @Test func aFailedWriteKeepsTheOldTreeAndLeavesNothingBehind() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let (specA, specB, out) = try Self.twoSpecs(in: dir, hosts: 200)
        #expect(try Subprocess.run([topocBinary(), "compile", specA.path, "-o", out]).status == 0)
        let before = try #require(Self.verifiedManifest(out + "/big"))
        // bash's `ulimit -f` counts 1024-byte blocks; SIGXFSZ ignored, so the
        // write fails with EFBIG instead of killing the process.
        let limited = try Subprocess.run(["/bin/bash", "-c", "trap '' XFSZ; ulimit -f 4; exec \"$@\"", "bash",
                                               topocBinary(), "compile", specB.path, "-o", out])
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("cannot write"), "\(limited.stderr)")
        #expect(Self.verifiedManifest(out + "/big") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != "big" }
        #expect(leftovers.isEmpty, "staging left behind: \(leftovers)")
    }
}

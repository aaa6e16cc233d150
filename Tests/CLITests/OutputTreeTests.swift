import Foundation
import TestSupport
import Testing
@testable import TopocCLI

/// The compiled tree of every spec in Specs/ is committed under Outputs/; these
/// tests fail when the two drift, and check that writing is atomic, verifiable
/// and deterministic.
@Suite(.serialized) struct OutputTreeTests {
    static var specs: [String] {
        let dir = Repository.url("Specs").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
    }

    @Test func committedOutputsMatchTheSpecs() {
        #expect(Self.specs.count >= 2)
        let r = runTopoc(["compile", "--check", "-o", Repository.url("Outputs").path] + Self.specs)
        #expect(r.status == 0, "Outputs/ drifted from Specs/ (run: swift run topoc compile Specs/*.yaml):\n\(r.stdout)\(r.stderr)")
    }

    /// --check must fail, naming the file, after any edit, deletion or addition.
    @Test func checkReportsEveryKindOfDrift() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let spec = specPath("flannel-userns.yaml")
        #expect(runTopoc(["compile", spec, "-o", dir.path]).status == 0)
        #expect(runTopoc(["compile", "--check", spec, "-o", dir.path]).status == 0)
        let tree = dir.appendingPathComponent("px-flannel-userns")
        let script = tree.appendingPathComponent("hosts/node1/setup.sh")
        var bytes = try Data(contentsOf: script)
        bytes.append(contentsOf: Array("# edited\n".utf8))
        try bytes.write(to: script)
        let edited = runTopoc(["compile", "--check", spec, "-o", dir.path])
        #expect(edited.status == 1 && edited.stdout.contains("differs: hosts/node1/setup.sh"))
        try FileManager.default.removeItem(at: script)
        let removed = runTopoc(["compile", "--check", spec, "-o", dir.path])
        #expect(removed.status == 1 && removed.stdout.contains("missing: hosts/node1/setup.sh"))
        try Data("x".utf8).write(to: tree.appendingPathComponent("stray.txt"))
        let extra = runTopoc(["compile", "--check", spec, "-o", dir.path])
        #expect(extra.status == 1 && extra.stdout.contains("extra: stray.txt"))
        // A real compile puts the tree back exactly.
        #expect(runTopoc(["compile", spec, "-o", dir.path]).status == 0)
        #expect(runTopoc(["compile", "--check", spec, "-o", dir.path]).status == 0)
    }

    @Test func manifestVerifiesWithSha256sum() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        #expect(runTopoc(["compile", "-o", dir.path] + Self.specs).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let tree = dir.appendingPathComponent(name).path
            let r = try Subprocess.run(["/bin/sh", "-c", "cd \"$1\" && sha256sum --quiet --strict -c MANIFEST", "sh", tree])
            #expect(r.status == 0, "\(name): \(r.stdout)\(r.stderr)")
            let listed = try String(contentsOfFile: tree + "/MANIFEST", encoding: .utf8).split(separator: "\n").map { String($0.dropFirst(66)) }
            let onDisk = FileManager.default.enumerator(atPath: tree)!.allObjects.compactMap { $0 as? String }
                .filter { var d: ObjCBool = false; _ = FileManager.default.fileExists(atPath: tree + "/" + $0, isDirectory: &d); return !d.boolValue && $0 != "MANIFEST" }
            #expect(Set(listed) == Set(onDisk))
            #expect(listed == listed.sorted())
        }
    }

    @Test func nothingIsWrittenOnErrors() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try "version: 1\nname: bad\nsubnets: {}\nhosts: {}\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = runTopoc(["compile", specPath("flannel-userns.yaml"), bad.path, "-o", out.path])
        #expect(r.status == 1 && r.stderr.contains("nothing written"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func strictRefusesWarnings() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        // The seed spec has warnings (udp backend, one-member kvdbs, ...).
        let r = runTopoc(["compile", "--strict", specPath("flannel-userns.yaml"), "-o", dir.path])
        #expect(r.status == 1)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.isEmpty ?? true)
    }

    /// Separate processes have different hash seeds; their trees must be
    /// byte-identical.
    @Test func outputIsIdenticalAcrossProcesses() throws {
        let dir = try Scratch.directory("cli")
        defer { Scratch.remove(dir) }
        var manifests: [String] = []
        for run in 0..<3 {
            let out = dir.appendingPathComponent("run\(run)").path
            let r = try Subprocess.run([topocBinary(), "compile", "-o", out] + Self.specs)
            #expect(r.status == 0, "\(r.stderr)")
            var all = ""
            for name in (try FileManager.default.contentsOfDirectory(atPath: out)).sorted() {
                all += try String(contentsOfFile: out + "/" + name + "/MANIFEST", encoding: .utf8)
            }
            manifests.append(all)
        }
        #expect(!manifests[0].isEmpty)
        #expect(manifests.allSatisfy { $0 == manifests[0] })
    }
}

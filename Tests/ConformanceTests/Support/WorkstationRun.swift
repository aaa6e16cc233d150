import Foundation
import TestSupport
import Testing

/// One spec's workstation/setup.sh, compiled by the built `topoc` into a
/// scratch directory and run for real: `aws` is the real AWS CLI (v1, from
/// scripts/test's venv) pointed at a `FakeECSEndpoint` with dummy keys, behind
/// a shim that records its argv; `ecs-cli` (an archived Go binary, not
/// installable here) is a stub that records its argv and working directory
/// and fails when a --file or --ecs-params path does not exist from there.
/// The caller must call `remove()` (in a `defer`).
final class WorkstationRun {
    /// The dummy credentials; the secret must never show up anywhere.
    static let accessKey = "AKIATOPOCCONFORMANCE"
    let secret = "topoc-secret-\(UUID().uuidString)"

    struct Call {
        let cwd: String
        let argv: [String]
    }

    let spec: CompiledSpec
    let directory: URL, tree: URL, stubs: URL, records: URL, home: URL
    let cluster: String, region: String, agents: Int

    init(_ spec: CompiledSpec) throws {
        self.spec = spec
        let ecs = try #require(spec.topology.ecs)
        cluster = ecs.cluster.value
        region = ecs.region.value
        agents = spec.topology.hosts.filter { ecs.hosts.contains($0.name.value) }.count
        directory = try Scratch.directory("workstation")
        stubs = directory.appendingPathComponent("bin")
        records = directory.appendingPathComponent("records")
        home = directory.appendingPathComponent("home")
        for d in [stubs, records, home] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        let out = directory.appendingPathComponent("out")
        let compiled = try Subprocess.run([Repository.topoc, "compile", Repository.root.appendingPathComponent(spec.file).path, "-o", out.path])
        guard compiled.status == 0 else { throw ConformanceError.failed("topoc compile \(spec.file): \(compiled.output)") }
        tree = out.appendingPathComponent(spec.name).resolvingSymlinksInPath()
        try Scratch.write(Self.stub, to: stubs.appendingPathComponent("stub"), executable: true)
        for name in ["aws", "ecs-cli"] {
            try FileManager.default.createSymbolicLink(atPath: stubs.appendingPathComponent(name).path, withDestinationPath: "stub")
        }
    }

    func remove() { Scratch.remove(directory) }

    static let stub = #"""
#!/usr/bin/env python3
# ecs-cli stand-in and aws recorder: appends {cwd, argv} to $TOPOC_STUB_RECORD/<name>.jsonl.
import json, os, sys
name = os.path.basename(sys.argv[0])
args = sys.argv[1:]
with open(os.path.join(os.environ["TOPOC_STUB_RECORD"], name + ".jsonl"), "a") as f:
    f.write(json.dumps({"cwd": os.getcwd(), "argv": args}) + "\n")
if name == "aws":
    real = os.environ["TOPOC_REAL_AWS"]
    os.execv(real, [real] + args)
missing = [args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--file", "--ecs-params") and not os.path.isfile(args[i + 1])]
if missing:
    sys.exit("ecs-cli stub: no such file from %s: %s" % (os.getcwd(), ", ".join(missing)))
"""#

    /// The real AWS CLI v1: the one beside TOPOC_PYTHON (scripts/test's venv), else on PATH.
    static let realAWS: String? = {
        var candidates: [String] = []
        if let python = ProcessInfo.processInfo.environment["TOPOC_PYTHON"], python.hasPrefix("/") {
            candidates.append(URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("aws").path)
        }
        if let onPath = Subprocess.which("aws") { candidates.append(onPath) }
        return candidates.first { path in
            (try? Subprocess.run([path, "--version"]))?.output.hasPrefix("aws-cli/1.") == true
        }
    }()

    /// Runs the script with `arguments`; with `credentials`, the dummy keys are in
    /// its environment, then `extra`. Nothing from the machine's AWS configuration is read.
    func run(_ arguments: [String], endpoint: FakeECSEndpoint?, credentials: Bool = true, timeout: Int = 20,
             extra: [String: String] = [:]) throws -> Subprocess.Result {
        let none = home.appendingPathComponent("none").path
        var env = [
            "PATH": "\(stubs.path):/usr/local/bin:/usr/bin:/bin", "HOME": home.path, "LC_ALL": "C",
            "TOPOC_STUB_RECORD": records.path, "TOPOC_REAL_AWS": Self.realAWS ?? "/nonexistent/aws",
            "TOPOC_WAIT_TIMEOUT": String(timeout),
            "AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none, "AWS_EC2_METADATA_DISABLED": "true",
            // The service-specific override; awscli 1.46 honours it (and AWS_ENDPOINT_URL).
            "AWS_ENDPOINT_URL_ECS": endpoint?.url ?? "http://127.0.0.1:9",
        ]
        if credentials {
            env["AWS_ACCESS_KEY_ID"] = Self.accessKey
            env["AWS_SECRET_ACCESS_KEY"] = secret
        }
        env.merge(extra) { $1 }
        return try Subprocess.run(["bash", tree.appendingPathComponent("workstation/setup.sh").path] + arguments,
                            environment: env, replaceEnvironment: true)
    }

    /// The recorded calls of `name` (`aws` or `ecs-cli`), in order.
    func calls(_ name: String) throws -> [Call] {
        guard let text = try? String(contentsOf: records.appendingPathComponent("\(name).jsonl"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Call(cwd: o["cwd"] as? String ?? "", argv: o["argv"] as? [String] ?? [])
        }
    }

    /// The value after `flag` in `argv`.
    static func value(_ flag: String, in argv: [String]) -> String? {
        guard let i = argv.firstIndex(of: flag), i + 1 < argv.count else { return nil }
        return argv[i + 1]
    }

    /// `path` as seen from `cwd`, symlinks resolved.
    static func resolve(_ path: String, from cwd: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Files under the scratch directory (compiled tree, records, HOME) that
    /// contain the secret, plus "output" when the script printed it.
    func secretLeaks(in output: String) -> [String] {
        var leaks = output.contains(secret) ? ["output"] : []
        let needle = Data(secret.utf8)
        if let e = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                if let data = try? Data(contentsOf: url), data.range(of: needle) != nil { leaks.append(url.path) }
            }
        }
        return leaks
    }
}

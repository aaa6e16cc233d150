import Foundation
import TestSupport

/// A small fake Amazon ECS endpoint (Python's http.server on 127.0.0.1, a free
/// port) speaking the JSON 1.1 protocol the real AWS CLI uses: answers
/// DescribeClusters for one cluster with a registered-instance count taken in
/// turn from `counts` (the last one repeats), and RegisterTaskDefinition; every
/// request's X-Amz-Target, body and Authorization header is recorded to
/// `requests.jsonl`. Started by the test, ended by its process id in `stop()`.
final class FakeECSEndpoint {
    static let script = #"""
import json, os, signal, sys, threading
# A test runner may start us with SIGTERM ignored; ending by process id must work.
signal.signal(signal.SIGTERM, signal.SIG_DFL)
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

record_dir = sys.argv[1]
config = json.load(open(os.path.join(record_dir, "config.json")))
polls = [0]
lock = threading.Lock()

def arn(kind, name):
    return "arn:aws:ecs:%s:000000000000:%s/%s" % (config["region"], kind, name)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        target = self.headers.get("X-Amz-Target", "")
        try: body = json.loads(raw or b"{}")
        except ValueError: body = None
        with lock:
            with open(os.path.join(record_dir, "requests.jsonl"), "a") as f:
                f.write(json.dumps({"target": target, "body": body, "canonical": json.dumps(body, sort_keys=True),
                                    "authorization": self.headers.get("Authorization", "")}) + "\n")
            op = target.rpartition(".")[2] if target.startswith("AmazonEC2ContainerServiceV20141113.") else ""
            if op == "DescribeClusters" and isinstance(body, dict):
                count = config["counts"][min(polls[0], len(config["counts"]) - 1)]
                polls[0] += 1
                names = body.get("clusters", [])
                return self.reply(200, {
                    "clusters": [{"clusterName": c, "clusterArn": arn("cluster", c), "status": "ACTIVE",
                                  "registeredContainerInstancesCount": count, "runningTasksCount": 0,
                                  "pendingTasksCount": 0, "activeServicesCount": 0}
                                 for c in names if c == config["cluster"]],
                    "failures": [{"arn": arn("cluster", c), "reason": "MISSING"} for c in names if c != config["cluster"]]})
            if op == "RegisterTaskDefinition" and isinstance(body, dict):
                family = body.get("family", "")
                return self.reply(200, {"taskDefinition": dict(body, revision=1, status="ACTIVE",
                                                               taskDefinitionArn=arn("task-definition", family + ":1"))})
            return self.reply(400, {"__type": "InvalidAction", "message": "fake ECS: no " + target})

srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(record_dir, "port.tmp"), "w") as f: f.write(str(srv.server_address[1]))
os.rename(os.path.join(record_dir, "port.tmp"), os.path.join(record_dir, "port"))
srv.serve_forever()
"""#

    struct Request {
        let target: String
        let body: [String: Any]
        /// The body as Python's `json.dumps(..., sort_keys=True)` wrote it.
        let canonical: String
        let authorization: String
        var operation: String { String(target.split(separator: ".").last ?? "") }
    }

    let directory: URL
    let port: Int
    private var process: Spawned?

    /// Starts the endpoint in `directory` (which it records into) for `cluster`
    /// in `region`, reporting `counts` registered instances on successive polls.
    init(in directory: URL, cluster: String, region: String, counts: [Int]) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = try JSONSerialization.data(withJSONObject: ["cluster": cluster, "region": region, "counts": counts])
        try config.write(to: directory.appendingPathComponent("config.json"))
        let scriptURL = directory.appendingPathComponent("ecs.py")
        try Scratch.write(Self.script, to: scriptURL)
        guard let python = Subprocess.which("python3") else { throw ConformanceError.failed("no python3") }
        let started = try Spawned([python, scriptURL.path, directory.path], log: directory.appendingPathComponent("ecs.log"))
        let portFile = directory.appendingPathComponent("port")
        var announced: Int?
        guard started.waitUntil({
            announced = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
            return announced != nil
        }), let announced else {
            started.stop()
            throw ConformanceError.failed("the fake ECS endpoint did not start")
        }
        port = announced
        process = started
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    func requests() throws -> [Request] {
        let log = directory.appendingPathComponent("requests.jsonl")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Request(target: o["target"] as? String ?? "", body: o["body"] as? [String: Any] ?? [:],
                           canonical: o["canonical"] as? String ?? "", authorization: o["authorization"] as? String ?? "")
        }
    }

    /// Ends the endpoint by its own process id; its records stay in `directory`.
    func stop() {
        process?.stop()
        process = nil
    }

    deinit { stop() }
}

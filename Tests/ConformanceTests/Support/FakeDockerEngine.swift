import Foundation
import TestSupport

/// A small fake Docker Engine API on a unix socket (Python's http.server over
/// AF_UNIX): answers `/_ping` and `/version`, records the body of every
/// `POST /containers/create` to a file and answers it with an error, so the
/// real docker CLI parses a `docker run` line completely and shows what
/// container configuration it would ask a daemon for, without a daemon.
final class FakeDockerEngine {
    static let script = #"""
import json, os, signal, socketserver, sys
# A test runner may start us with SIGTERM ignored; ending by process id must work.
signal.signal(signal.SIGTERM, signal.SIG_DFL)
from http.server import BaseHTTPRequestHandler

sock_path, record_dir = sys.argv[1], sys.argv[2]
counter = [0]

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def address_string(self): return "fake"
    def reply(self, code, body, ctype="application/json"):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Api-Version", "1.45")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(data)
    def route(self):
        parts = self.path.split("?")[0].split("/")
        if len(parts) > 1 and parts[1].startswith("v1."): parts = [""] + parts[2:]
        return "/".join(parts)
    def do_HEAD(self): self.do_GET()
    def do_GET(self):
        p = self.route()
        if p == "/_ping": return self.reply(200, "OK", "text/plain")
        if p == "/version":
            return self.reply(200, json.dumps({"Version": "28.2.2", "ApiVersion": "1.45", "MinAPIVersion": "1.24", "Os": "linux", "Arch": "amd64"}))
        return self.reply(404, json.dumps({"message": "fake engine: no " + p}))
    def do_POST(self):
        p = self.route()
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n) if n else b""
        if p == "/containers/create":
            counter[0] += 1
            path = os.path.join(record_dir, "create-%d.json" % counter[0])
            with open(path + ".tmp", "wb") as f:
                f.write(json.dumps({"query": self.path, "body": json.loads(data or b"{}")}).encode())
            os.rename(path + ".tmp", path)
        return self.reply(500, json.dumps({"message": "fake engine: recorded " + p}))

class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

srv = Server(sock_path, Handler)
open(os.path.join(record_dir, "ready"), "w").close()
srv.serve_forever()
"""#

    let directory: URL
    let socket: URL
    private var process: Spawned?
    private var recorded = 0

    init() throws {
        directory = try Scratch.directory("engine")
        socket = directory.appendingPathComponent("docker.sock")
        let scriptURL = directory.appendingPathComponent("engine.py")
        try Scratch.write(Self.script, to: scriptURL)
        let started = try Spawned([Tool.python, scriptURL.path, socket.path, directory.path], log: directory.appendingPathComponent("engine.log"))
        process = started
        let ready = directory.appendingPathComponent("ready").path
        guard started.waitUntil({ FileManager.default.fileExists(atPath: ready) }) else {
            stop()
            throw ConformanceError.failed("the fake Docker engine did not start")
        }
    }

    /// Ends the engine (by its own process id) and removes its directory.
    func stop() {
        process?.stop()
        process = nil
        Scratch.remove(directory)
    }

    deinit { stop() }

    var environment: [String: String] { ["DOCKER_HOST": "unix://\(socket.path)", "DOCKER_CONFIG": directory.path] }

    /// Runs `docker ARGS...` against the engine; returns the CLI's result and the
    /// create request it sent (`query` and `body`), if any.
    func run(_ arguments: [String]) throws -> (result: Subprocess.Result, create: [String: Any]?) {
        let result = try Subprocess.run(["docker"] + arguments, environment: environment)
        let next = directory.appendingPathComponent("create-\(recorded + 1).json")
        guard let data = try? Data(contentsOf: next) else { return (result, nil) }
        recorded += 1
        return (result, try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

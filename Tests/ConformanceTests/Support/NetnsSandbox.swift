import Foundation
import TestSupport

/// Network namespaces joined by a bridge in a namespace of their own: each
/// member namespace holds one host's address from a spec, so real programs can
/// talk to each other on those addresses without any of them existing (or any
/// packet leaving) outside the sandbox. Every name carries a unique tag; the
/// creator must call `destroy()` (in a `defer`), which ends the processes
/// started in it by their ids and deletes every namespace.
final class NetnsSandbox {
    let tag: String
    private(set) var namespaces: [String] = []
    private var processes: [Spawned] = []
    let directory: URL

    /// True when this process may create network namespaces.
    static let permitted: Bool = {
        let name = "topoc-probe-\(UUID().uuidString.prefix(8).lowercased())"
        guard (try? Subprocess.run(["ip", "netns", "add", name]).status) == 0 else { return false }
        _ = try? Subprocess.run(["ip", "netns", "del", name])
        return true
    }()

    var hub: String { "tch-\(tag)" }

    init() throws {
        tag = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(6)).lowercased()
        directory = try Scratch.directory("netns-\(tag)")
        try ip(["netns", "add", hub])
        namespaces.append(hub)
        try ip(["-n", hub, "link", "add", "br0", "type", "bridge"])
        try ip(["-n", hub, "link", "set", "br0", "up"])
    }

    @discardableResult
    private func ip(_ args: [String]) throws -> Subprocess.Result {
        let r = try Subprocess.run(["ip"] + args)
        guard r.status == 0 else { throw ConformanceError.failed("ip \(args.joined(separator: " ")): \(r.stderr)") }
        return r
    }

    /// Adds namespace number `index` holding `address/prefix` on a veth into
    /// the hub's bridge; returns its name.
    func addMember(_ index: Int, address: String, prefix: Int) throws -> String {
        let ns = "tcm-\(tag)-\(index)"
        try ip(["netns", "add", ns])
        namespaces.append(ns)
        let inner = "tv\(tag)a\(index)", outer = "tv\(tag)b\(index)"
        try ip(["link", "add", inner, "netns", ns, "type", "veth", "peer", "name", outer, "netns", hub])
        try ip(["-n", ns, "link", "set", "lo", "up"])
        var add = ["-n", ns, "addr", "add", "\(address)/\(prefix)", "dev", inner]
        if address.contains(":") { add.append("nodad") }
        try ip(add)
        try ip(["-n", ns, "link", "set", inner, "up"])
        try ip(["-n", hub, "link", "set", outer, "master", "br0", "up"])
        return ns
    }

    /// Starts a long-running shell command inside `ns`; its output goes to `log`.
    func start(in ns: String, script: String, arguments: [String], log: URL) throws -> Spawned {
        let p = try Spawned(["ip", "netns", "exec", ns, "/bin/bash", "-c", script] + arguments, log: log)
        processes.append(p)
        return p
    }

    /// Runs a command inside `ns` and waits for it.
    func run(in ns: String, _ argv: [String], environment: [String: String] = [:]) throws -> Subprocess.Result {
        try Subprocess.run(["ip", "netns", "exec", ns] + argv, environment: environment)
    }

    func destroy() {
        for p in processes { p.stop() }
        processes = []
        for ns in namespaces.reversed() { _ = try? Subprocess.run(["ip", "netns", "del", ns]) }
        namespaces = []
        Scratch.remove(directory)
    }

    deinit { destroy() }
}

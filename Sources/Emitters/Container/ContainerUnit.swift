/// A systemd service that runs one container, the way SPEC §3 fixes it: ordered
/// after and requiring docker.service, a stale container removed first, the
/// container in the foreground, `docker stop` on stop, restarts by systemd.
struct ContainerUnit {
    var run: ContainerRun
    var description: String
    /// Comment lines under the header: why the unit looks the way it does.
    var notes: [String] = []
    /// Extra units to order after (and want), besides docker.service.
    var after: [String] = []
    var restart = "always"
    var restartSec = 10
    /// `(burst, interval seconds)`: give up after `burst` starts in `interval`.
    var startLimit: (burst: Int, interval: Int)? = nil
    /// Command lines run before the container on every start (already quoted
    /// for a unit file, e.g. by `UnitFile.command`).
    var preStart: [String] = []

    static let docker = "/usr/bin/docker"

    func render(spec: String) -> String {
        var unit = UnitFile()
        unit.section("Unit")
        for note in notes { unit.comment(note) }
        unit.set("Description", SystemdQuoting.text(description))
        unit.set("Requires", "docker.service")
        unit.set("After", (["docker.service"] + after).joined(separator: " "))
        if !after.isEmpty { unit.set("Wants", after.joined(separator: " ")) }
        if let limit = startLimit {
            unit.set("StartLimitIntervalSec", String(limit.interval))
            unit.set("StartLimitBurst", String(limit.burst))
        }
        unit.section("Service")
        for command in preStart { unit.set("ExecStartPre", command) }
        unit.set("ExecStartPre", "-" + UnitFile.command(ContainerUnit.docker, ["rm", "-f", run.name]))
        unit.set("ExecStart", ContainerUnit.foldedCommand(run))
        unit.set("ExecStop", UnitFile.command(ContainerUnit.docker, ["stop", run.name]))
        unit.set("Restart", restart)
        unit.set("RestartSec", String(restartSec))
        if let limit = startLimit {
            unit.comment("The same limit under its pre-230 names, for CentOS 7 (systemd 219) and Ubuntu 16.04 (229),\nwhich ignore the [Unit] settings above.")
            unit.set("StartLimitInterval", String(limit.interval))
            unit.set("StartLimitBurst", String(limit.burst))
        }
        unit.section("Install")
        unit.set("WantedBy", "multi-user.target")
        return unit.render(spec: spec)
    }

    /// `docker run ...` folded over continuation lines for a reader: each option
    /// with its value, the image, and each argument with its value on a line.
    static func foldedCommand(_ run: ContainerRun) -> String {
        var lines: [[String]] = [["run", "--rm", "--name", run.name]]
        func add(_ words: [String]) {
            for word in words {
                if word.utf8.first == UInt8(ascii: "-") || lines.isEmpty { lines.append([word]) }
                else { lines[lines.count - 1].append(word) }
            }
        }
        add(run.flags)
        lines.append([run.image])
        add(run.arguments)
        let rendered = lines.map { $0.map(SystemdQuoting.argument).joined(separator: " ") }
        return docker + " " + rendered.joined(separator: " \\\n    ")
    }
}

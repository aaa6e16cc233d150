import Diagnostics
import Model

/// The dependency graph of deployment steps that every output is emitted from.
/// Steps are ordered by phase, then by host (spec order, workstation last), then
/// by their order within the host, so iterating `steps` is a valid run order.
public struct Plan: Sendable {
    public let name: String
    /// Hosts in spec order, then `workstation` when it has steps.
    public let hosts: [String]
    public let steps: [Step]
    public let edges: [Edge]
    /// Each host's address (its primary iface's), for labels in the graph and
    /// the runbook; looked up by name, never iterated.
    public let addresses: [String: String]

    public init(name: String, hosts: [String], steps: [Step], edges: [Edge], addresses: [String: String] = [:]) {
        self.name = name
        self.hosts = hosts
        self.steps = steps
        self.edges = edges
        self.addresses = addresses
        var byHost: [String: [Int]] = [:]
        for (i, step) in steps.enumerated() { byHost[step.host, default: []].append(i) }
        var into: [String: [Int]] = [:]
        for (i, edge) in edges.enumerated() { into[edge.to, default: []].append(i) }
        self.stepIndicesByHost = byHost
        self.edgeIndicesInto = into
    }

    /// Indices into `steps` of one host's steps, in plan order: per-host
    /// emitters run once per host, so they must not scan every step each time.
    private let stepIndicesByHost: [String: [Int]]
    /// Indices into `edges` of the edges into a step, in edge order.
    private let edgeIndicesInto: [String: [Int]]

    /// The steps of `host`, in plan order.
    public func steps(on host: String) -> [Step] { (stepIndicesByHost[host] ?? []).map { steps[$0] } }

    /// The edges `step` waits on, in edge order.
    public func edges(into step: String) -> [Edge] { (edgeIndicesInto[step] ?? []).map { edges[$0] } }

    public static let workstation = "workstation"
}

/// One deployment step on one host (or the workstation).
public struct Step: Sendable {
    /// `<host>/<step>`, e.g. `node1/flanneld`.
    public let id: String
    public let host: String
    /// The step's name within its host, e.g. `flanneld`.
    public let name: String
    /// What a person reads in the graph and the runbook.
    public let label: String
    /// The component it belongs to: etcd, flannel, docker, portworx, ecs, ...
    public let component: String
    /// Topological level: one more than its latest dependency; 1 for roots.
    public let phase: Int
    /// What the step does, in order; each action is idempotent.
    public let actions: [Action]
    /// The spec value that caused the step.
    public let location: SourceLocation

    public init(id: String, host: String, name: String, label: String, component: String, phase: Int, actions: [Action], location: SourceLocation) {
        self.id = id
        self.host = host
        self.name = name
        self.label = label
        self.component = component
        self.phase = phase
        self.actions = actions
        self.location = location
    }
}

/// `to` waits for `from`.
public struct Edge: Sendable, Hashable {
    public let from: String
    public let to: String
    /// A sentence a person can read: "flanneld reads its network config from kvdb flannel-etcd".
    public let reason: String
    /// The spec value that caused the dependency.
    public let location: SourceLocation

    public init(from: String, to: String, reason: String, location: SourceLocation) {
        self.from = from
        self.to = to
        self.reason = reason
        self.location = location
    }
}

/// A file the plan installs on a host. The Planner names it and chooses its path;
/// the Emitters render its bytes (`FileRenderer`), so the plan and the files cannot
/// disagree. Unit and container names are fixed: `etcd-<kvdb>.service` runs
/// container `etcd-<kvdb>`, `portworx.service` runs `portworx`,
/// `ecs-agent.service` runs `ecs-agent`; flanneld runs as `flanneld.service`.
public enum FileRef: Hashable, Sendable {
    /// /etc/etcd/etcd.conf for a `run: host` member.
    case etcdConf(kvdb: String, member: String)
    /// A systemd unit running a `run: container` etcd member.
    case etcdContainerUnit(kvdb: String, member: String)
    /// /etc/sysconfig/flanneld (CentOS / Rocky packages).
    case flanneldSysconfig(host: String)
    /// A flanneld.service unit (hosts without a packaged unit).
    case flanneldUnit(host: String)
    /// /etc/docker/daemon.json (userns-remap).
    case dockerDaemonJSON(host: String)
    /// docker.service.d drop-in taking bip/mtu from flannel's subnet.env.
    case dockerFlannelDropIn(host: String)
    /// The Portworx container unit.
    case portworxUnit(host: String)
    /// The ECS agent container unit.
    case ecsAgentUnit(host: String)
    /// sysctl settings the ECS agent's task IAM roles need.
    case ecsSysctl(host: String)
    /// sysctl settings user namespaces need (CentOS 7.4+: user.max_user_namespaces).
    case usernsSysctl(host: String)
}

/// One idempotent thing a step does. The shell emitter renders each as
/// check-then-act, so a second run changes nothing.
public enum Action: Sendable {
    /// Install distro packages that are missing (yum, dnf or apt-get by the host's os).
    case installPackages([String])
    /// Install a rendered file at `path` (atomically, only when its content differs).
    case installFile(FileRef, path: String, mode: String)
    /// Append `line` to `path` unless the file already has it.
    case appendLine(path: String, line: String)
    /// Create a system user unless it exists.
    case ensureUser(String)
    /// Create a directory (with an owner `uid:gid` when given) unless it is so.
    case ensureDirectory(path: String, owner: String?, mode: String)
    /// CentOS 7: add kernel arguments with grubby, then ask for a reboot (exit 3)
    /// unless /proc/cmdline already has them.
    case kernelArguments([String])
    /// Apply a sysctl value now unless it already holds.
    case sysctl(key: String, value: String)
    /// Add an iptables rule unless `iptables -C` finds it.
    case iptablesRule(table: String, chain: String, rule: [String])
    /// `systemctl daemon-reload` when a unit or drop-in changed in this run.
    case daemonReload
    /// Enable and start a unit; restart it when one of its files changed in this run.
    case enableService(String)
    /// Poll `command` until it succeeds, up to TOPOC_WAIT_TIMEOUT seconds.
    case waitUntil(description: String, command: [String], environment: [(String, String)])
    /// Run `command` unless `check` finds the work done: the check must exit 0
    /// *and* print something, because queries such as etcdctl v3 `get` exit 0
    /// for a key that does not exist. `environment` applies to both.
    case runOnce(description: String, check: [String], command: [String], environment: [(String, String)])
    /// Poll until `path` exists (a file another process writes, such as
    /// flannel's subnet.env), up to TOPOC_WAIT_TIMEOUT seconds. Separate from
    /// `waitUntil` so emitters can place the path under their scratch root.
    case waitForFile(description: String, path: String)
    /// Poll until `command` exits 0 and prints something: for queries that
    /// answer "nothing yet" with empty output and success (etcdctl v3 `get`,
    /// an AWS CLI `--query` filter).
    case waitForOutput(description: String, command: [String], environment: [(String, String)])
    /// Run a command that converges by itself (running it again changes
    /// nothing), such as `ecs-cli configure` or `ecs-cli compose up`.
    case run(description: String, command: [String], environment: [(String, String)])
}

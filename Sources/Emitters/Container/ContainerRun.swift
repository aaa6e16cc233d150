/// One container run: the single description from which every container unit's
/// `ExecStart=` is written (and which tests hand to the docker CLI's own flag
/// parser). Words are kept unquoted here; each output quotes them for its syntax.
public struct ContainerRun: Sendable, Equatable {
    /// The fixed container name (`etcd-<kvdb>`, `portworx`, `ecs-agent`).
    public var name: String
    public var image: String
    /// `docker run` options, one word each: `"--net=host"`, `"-v"`, `"/dev:/dev"`.
    public var flags: [String]
    /// Words after the image: the entrypoint's arguments.
    public var arguments: [String]

    public init(name: String, image: String, flags: [String], arguments: [String]) {
        self.name = name
        self.image = image
        self.flags = flags
        self.arguments = arguments
    }

    /// The words after `docker run`. The container runs in the foreground under
    /// systemd (no `-d`, no `--restart`), is removed when it stops (`--rm`) and
    /// has a fixed name so a stale one can be removed before a start.
    public func dockerRunArguments() -> [String] {
        ["--rm", "--name", name] + flags + [image] + arguments
    }
}

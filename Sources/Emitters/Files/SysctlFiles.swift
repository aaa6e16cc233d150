/// Files under /etc/sysctl.d, applied at every boot by systemd-sysctl.
enum SysctlFiles {
    /// Task IAM roles: the agent sends 169.254.170.2:80 to its credentials
    /// endpoint on 127.0.0.1:51679, which the kernel routes only with
    /// route_localnet. The guide leaves it out.
    static func ecs(_ context: FileRenderContext) -> String {
        GeneratedHeader.lines(spec: context.specName, comment: "#")
            + "# ECS task IAM roles: let 169.254.170.2:80 be DNATed to the agent on 127.0.0.1:51679.\n"
            + "net.ipv4.conf.all.route_localnet = 1\n"
    }

    /// CentOS 7.4+ ships user.max_user_namespaces = 0: Docker's userns-remap needs more.
    static func userNamespaces(_ context: FileRenderContext) -> String {
        GeneratedHeader.lines(spec: context.specName, comment: "#")
            + "# Docker user-namespace remapping (CentOS 7.4+ allows none by default).\n"
            + "user.max_user_namespaces = 15000\n"
    }
}

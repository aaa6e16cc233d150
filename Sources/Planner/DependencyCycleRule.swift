import Diagnostics

/// The one rule the Planner enforces: the steps (or the ECS service links)
/// must not wait for each other in a loop.
enum DependencyCycleRule {
    static let name = "dependency-cycle"

    static let descriptor = RuleDescriptor(
        name: name, severity: .error,
        summary: "deployment steps (or ECS service links) wait for each other in a loop",
        explanation: """
        What: the plan orders every deployment step after the steps it needs; this \
        rule fires when those needs form a loop, so no order can satisfy them. It \
        also fires when ECS service `links` form a loop, since a linked service must \
        start first.
        Why: a loop cannot be deployed: each step would wait forever. The usual \
        cause is the overlay's kvdb running as a container (`run: container`) on \
        hosts that are on that overlay: Docker waits for flanneld (its bridge comes \
        from flannel's subnet.env), flanneld waits for the kvdb (its config lives \
        there), and the kvdb's container waits for Docker.
        Fix: break one link of the printed path. For the overlay, run its kvdb \
        with `run: host` (the distro's etcd under systemd, as the guide does), or \
        use an external kvdb, or keep the kvdb's members off the overlay's hosts. \
        For service links, remove the link that closes the loop.
        Example:
          kvdbs:
            flannel-etcd: {engine: etcd, version: "3.3", run: host, members: [node1]}
          overlay: {type: flannel, version: "0.7.1", kvdb: flannel-etcd, network: 10.1.0.0/16}
        """)
}

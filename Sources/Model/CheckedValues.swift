import Syntax

/// The last value a validator accepted. A fleet spec repeats the same value in
/// every host (the subnet an iface is on, `eth0`, the devices merged from an
/// anchor), and comparing with the last accepted one is much cheaper than
/// checking it again. The outcome is the same: a value equal to an accepted one
/// passes the same checks, and one that fails is always checked (and reported).
struct LastAccepted {
    private var value: String? = nil

    /// Whether `node` is a non-null scalar equal to the value last accepted.
    func holds(_ node: Node) -> Bool {
        guard let value, let s = node.scalar, Fields.sameKey(s, value) else { return false }
        return !node.isNull
    }

    mutating func accept(_ s: String) { value = s }
}

/// The validators' memories; see LastAccepted.
struct CheckedValues {
    var name = LastAccepted()
    var ifaceName = LastAccepted()
    var devicePath = LastAccepted()
    /// The last host device list decoded without errors (its nodes kept, so
    /// their storage cannot be reused by another list), and its result.
    var devices: (items: [Node], decoded: [Located<String>])? = nil
    /// The subnet the last iface named, and its index.
    var subnet: (name: String, index: Int)? = nil
}

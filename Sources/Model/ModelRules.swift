import Diagnostics

/// The decoder's diagnostics, named as in SPEC §2.
public enum ModelRules {
    public static let unknownKey = RuleDescriptor(
        name: "unknown-key", severity: .error,
        summary: "A key that the spec language does not have at this place.",
        explanation: """
        What: a mapping holds a key that is not part of language v1 at that place.
        Why: an unknown key is almost always a typo, and a typo silently ignored is a \
        setting silently lost (`cient_port: 12379` would leave etcd on 2379).
        Fix: use the suggested key, or move the value to where it belongs. Keep notes \
        under a top-level key starting with `x-`, which is ignored.
        Example: `kvdbs: {px: {cient_port: 12379}}` -> `client_port`.
        """)
    public static let typeMismatch = RuleDescriptor(
        name: "type-mismatch", severity: .error,
        summary: "A value of the wrong kind: a list where a mapping belongs, text where a number belongs.",
        explanation: """
        What: the value is not of the type the schema gives this key.
        Why: types come from the schema, never from YAML's guesses, so `cluster_id: no` \
        is the string "no" but `client_port: "2379"` (quoted) is not a number and \
        `ip_masq: yes` is not a boolean (write true or false).
        Fix: write the value in the form the message asks for.
        Example: `ip_masq: yes` -> `ip_masq: true`.
        """)
    public static let missingKey = RuleDescriptor(
        name: "missing-key", severity: .error,
        summary: "A required key is absent.",
        explanation: """
        What: the mapping lacks a key the language requires there.
        Why: topoc never invents values that decide how a cluster is built (which \
        subnet an iface is on, which kvdb flannel uses).
        Fix: add the key; `topoc schema` and docs/spec-language.md list them.
        Example: an iface without `address:`.
        """)
    public static let badValue = RuleDescriptor(
        name: "bad-value", severity: .error,
        summary: "A value of the right kind but not a valid one (a malformed address, a port of 0, a bad name).",
        explanation: """
        What: the value does not satisfy its type: names are lowercase DNS labels, iface \
        names at most 15 bytes, CIDRs have zero host bits, ports are 1-65535, paths are \
        absolute, images follow the registry/path:tag@digest grammar, URLs are http(s).
        Why: every value that reaches a script or unit file is validated first, so \
        nothing in a spec can smuggle shell or unit syntax into what runs as root.
        Fix: the message says what is expected.
        Example: `cidr: 10.0.6.1/24` -> `10.0.6.0/24`.
        """)
    public static let unknownReference = RuleDescriptor(
        name: "unknown-reference", severity: .error,
        summary: "A name that refers to a host, subnet or kvdb the spec does not declare.",
        explanation: """
        What: an iface's subnet, a kvdb member, a host set entry, the overlay's or \
        Portworx's kvdb names nothing declared.
        Why: a dangling reference means part of the cluster would silently not be built.
        Fix: use the suggested name or declare the missing one.
        Example: `members: [nod1]` -> `node1`.
        """)
    public static let unsupportedVersion = RuleDescriptor(
        name: "unsupported-version", severity: .error,
        summary: "The spec's `version` is not a language version this topoc reads.",
        explanation: """
        What: `version:` is not 1.
        Why: a newer language may mean things this topoc would get wrong.
        Fix: write `version: 1`, or use a topoc that reads the newer language.
        Example: `version: 2` -> `version: 1`.
        """)

    public static let all = [unknownKey, typeMismatch, missingKey, badValue, unknownReference, unsupportedVersion]
}

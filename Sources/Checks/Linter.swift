import Diagnostics
import Model
import Values

/// Runs every lint rule over a decoded topology.
public enum Linter {
    /// The rules that look at a topology, in the order of DOMAIN.md.
    static let checks: [any LintRule.Type] = [
        // Network
        PortConflictRule.self, SubnetOverlapRule.self, OverlayOverlapsSubnetRule.self, DockerBridgeOverlapRule.self,
        AddressOutsideSubnetRule.self, AddressReservedRule.self, DuplicateAddressRule.self, GatewayOutsideSubnetRule.self,
        OverlayCapacityRule.self, OverlaySubnetLenRule.self, OverlayBackendUDPRule.self, OverlayIfaceMissingRule.self,
        OverlayHostGWL2Rule.self, OverlayMTURule.self,
        // kvdb
        KVDBSharedWithOverlayRule.self, KVDBFaultToleranceRule.self, KVDBEvenMembersRule.self, KVDBTooManyMembersRule.self,
        KVDBSameTokenRule.self, KVDBV2RemovedRule.self, KVDBMemberWithoutDockerRule.self, KVDBEndpointURLRule.self,
        KVDBDataEphemeralRule.self, KVDBHostMemberTwiceRule.self,
        // Docker
        UsernsPrivilegedRule.self, UsernsHostNamespaceRule.self, UsernsVolumeDriverRule.self, SubordinateIDsRangeRule.self,
        UsernsRebootRule.self,
        // Portworx
        PortworxStorageMissingRule.self, PortworxZeroStorageConflictRule.self, PortworxForceFormatRule.self,
        PortworxMinNodesRule.self, PortworxDevicesMissingRule.self, PortworxWithoutDockerRule.self,
        // ECS
        ECSIAMNetworkHostRule.self, ECSVolumeUndeclaredRule.self, ECSLinkUnknownRule.self, ECSVolumeDriverAbsentRule.self,
        ECSAutoprovisionScopeRule.self, ECSCLIArchivedRule.self, SecretLiteralRule.self,
        // General
        ImageUnpinnedRule.self, OSEndOfLifeRule.self,
    ]

    /// Every lint rule, in DOMAIN.md order, then `unknown-rule`.
    public static let rules: [RuleDescriptor] = checks.map { $0.descriptor } + [UnknownRuleRule.descriptor]

    /// All findings of all rules, in report order.
    /// - Parameters:
    ///   - source: the spec's text, which `secret-literal` scans byte by byte.
    ///   - ignoring: rule names from the command line; the spec's `lint.ignore`
    ///     entries are honoured too.
    ///   - otherRuleNames: names of the front-end and planner rules, which a
    ///     `lint.ignore` entry may name without being unknown.
    public static func lint(_ topology: Topology, source: SourceText, ignoring: [String] = [], otherRuleNames: [String] = []) -> [Diagnostic] {
        let context = LintContext(topology: topology, source: source)
        var diagnostics: [Diagnostic] = []
        for rule in checks { diagnostics += rule.check(context) }
        diagnostics += UnknownRuleRule.check(topology.lintIgnore, known: rules.map { $0.name } + otherRuleNames)
        let ignored = Set(ignoring).union(topology.lintIgnore.map { $0.value })
        return diagnostics.filter { !ignored.contains($0.rule) }.sorted(by: Diagnostic.reportOrder)
    }
}

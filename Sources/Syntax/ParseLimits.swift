/// Bounds that stop hostile input before it costs memory or time. The defaults
/// leave room for a 100,000-host spec (about 10 MB, a few million nodes) while
/// stopping alias bombs and absurd nesting at once.
public struct ParseLimits: Sendable {
    public var maxInputBytes: Int
    public var maxDepth: Int
    /// Nodes that aliases may add when expanded ("billion laughs"): at most this
    /// many, or four times the nodes written out in the file, whichever is larger,
    /// so a fleet spec that merges an anchor into every host still passes.
    public var maxAliasExpansion: Int
    public var maxScalarBytes: Int

    public init(maxInputBytes: Int = 64 << 20, maxDepth: Int = 100, maxAliasExpansion: Int = 1_000_000, maxScalarBytes: Int = 1 << 20) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarBytes = maxScalarBytes
    }

    public static let `default` = ParseLimits()
}

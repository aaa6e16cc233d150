import Diagnostics

/// A SourceLocation in 12 bytes instead of 24. A fleet spec has millions of
/// nodes and hundreds of thousands of decoded values, each carrying one; no
/// spec within the input limit (64 MB) has a line, column or length that does
/// not fit in 32 bits, so the location read back is the one stored.
public struct PackedLocation: Hashable, Sendable {
    private let line: Int32
    private let column: Int32
    private let length: Int32

    public init(_ location: SourceLocation) {
        line = Int32(clamping: location.line)
        column = Int32(clamping: location.column)
        length = Int32(clamping: location.length)
    }

    public var location: SourceLocation {
        SourceLocation(line: Int(line), column: Int(column), length: Int(length))
    }
}

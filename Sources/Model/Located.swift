import Diagnostics

/// A value together with the place in the spec that gave it, so any later phase
/// can point a diagnostic at exactly that value. Defaults carry the place of the
/// entry that omitted them.
public struct Located<Value> {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

import Diagnostics
import Syntax

/// A value together with the place in the spec that gave it, so any later phase
/// can point a diagnostic at exactly that value. Defaults carry the place of the
/// entry that omitted them. The place is kept packed: a fleet's topology holds
/// several located values per host.
public struct Located<Value> {
    public let value: Value
    private let mark: PackedLocation

    public var location: SourceLocation { mark.location }

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.mark = PackedLocation(location)
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

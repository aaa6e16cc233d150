/// Builds an escaped copy of a string a byte at a time. Every escape topoc
/// writes replaces an ASCII character, and no byte of a multi-byte UTF-8
/// character is ASCII, so a byte-wise pass can never split a character; and
/// copying bytes costs a fraction of appending Unicode scalars to a String one
/// at a time, which was a tenth of a fleet compile.
public enum ByteEscaping {
    /// `open`, then each byte of `s` as `escape` writes it (it appends the
    /// replacement to `out` and returns true, or returns false to keep the byte
    /// as it is), then `close`.
    @inlinable
    public static func escape(_ s: String, open: StaticString = "", close: StaticString = "",
                              _ escape: (UInt8, inout [UInt8]) -> Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + open.utf8CodeUnitCount + close.utf8CodeUnitCount + 8)
        append(open, to: &out)
        for b in s.utf8 where !escape(b, &out) { out.append(b) }
        append(close, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte of `s` satisfies `test`, scanning the string's own
    /// storage where it has one (a generic walk of `utf8` costs several times more).
    @inlinable
    public static func contains(_ s: String, where test: (UInt8) -> Bool) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return s.utf8.contains(where: test)
    }

    /// `"s"` appended to `out` when no byte of `s` passes `needsEscape` (most
    /// names and labels: copied whole, no temporary), else `quoted(s)`.
    @inlinable
    public static func appendQuoted(_ s: String, to out: inout String, needsEscape: (UInt8) -> Bool, quoted: (String) -> String) {
        if contains(s, where: needsEscape) {
            out += quoted(s)
        } else {
            out += "\""
            out += s
            out += "\""
        }
    }

    @inlinable
    public static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

/// The bytes of a spec file with an index of line starts, so a diagnostic's line
/// can be quoted without rescanning the file.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let length = SourceText.lineBreakLength(buffer, at: i)
                if length > 0 {
                    i += length
                    starts.append(i)
                } else {
                    i += 1
                }
            }
        }
        self.lineStarts = starts
    }

    /// The line breaks libyaml counts when it numbers lines (YAML 1.1): LF, CR
    /// alone, CRLF, NEL (U+0085), LS (U+2028) and PS (U+2029). Counting only LF
    /// would put a diagnostic from a CR-only file (classic Mac line ends) on a
    /// line number this index does not have.
    static func lineBreakLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch b[i] {
        case 10: return 1
        case 13: return i + 1 < b.count && b[i + 1] == 10 ? 2 : 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its newline; invalid UTF-8 is replaced
    /// so a diagnostic about bad bytes can still be shown.
    public func line(_ number: Int) -> String? {
        guard number >= 1 && number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = bytes.count
        if number < lineStarts.count {
            // Drop the break that ends the line: find it where it starts.
            end = lineStarts[number]
            bytes.withUnsafeBufferPointer { buffer in
                for back in [3, 2, 1] where end - back >= start {
                    if SourceText.lineBreakLength(buffer, at: end - back) == back { end -= back; return }
                }
            }
        }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        // Count characters (UTF-8 lead bytes) between the line start and the offset.
        var column = 1
        var i = start
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: lo + 1, column: column)
    }
}

/// The bytes of a spec file with an index of line starts, so a diagnostic's line
/// can be quoted without rescanning the file.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == 10 { starts.append(i + 1) }
        }
        self.lineStarts = starts
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its newline; invalid UTF-8 is replaced
    /// so a diagnostic about bad bytes can still be shown.
    public func line(_ number: Int) -> String? {
        guard number >= 1 && number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
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

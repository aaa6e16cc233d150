extension StringProtocol {
    /// Runs `body` over the string's UTF-8 bytes in one contiguous buffer: the
    /// string's own storage when it has one (native strings and their
    /// substrings), a copy otherwise. The validators and parsers of this module
    /// scan these bytes directly rather than through the generic string
    /// iterator, which costs several times as much per byte.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = String(self)
        return copy.withUTF8(body)
    }
}

/// A shell function that prints a file's exact bytes, from a quoted here-document
/// (`<<'DELIM'`: bash expands nothing inside it).
enum HeredocContent {
    /// A here-document always ends its text with a newline. Content that does
    /// not is printed through `$(...)`, which strips exactly that one newline
    /// (content without a trailing newline has no other trailing newlines).
    static func function(named name: String, content: String) -> String {
        var out = ""
        appendFunction(named: name, content: content, to: &out)
        return out
    }

    /// `function(named:content:)` appended to `out`, copying the content once.
    static func appendFunction(named name: String, content: String, to out: inout String) {
        let delimiter = self.delimiter(for: content)
        let endsWithNewline = content.utf8.last == 0x0a
        out += name
        out += endsWithNewline ? "() {\n  cat <<'" : "() {\n  printf '%s' \"$(cat <<'"
        out += delimiter
        out += "'\n"
        out += content
        if !endsWithNewline { out += "\n" }
        out += delimiter
        out += endsWithNewline ? "\n}\n" : "\n)\"\n}\n"
    }

    /// `TOPOC_EOF`, or `TOPOC_EOF_1`, `_2`, ... when a line of the content is
    /// exactly the candidate (which would end the here-document early).
    static func delimiter(for content: String) -> String {
        // Almost no content mentions the delimiter at all: then no line can be it,
        // and splitting the content into a set of lines would be wasted work.
        if !Self.contains(content, "TOPOC_EOF") { return "TOPOC_EOF" }
        let lines = Set(content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        var candidate = "TOPOC_EOF"
        var n = 0
        while lines.contains(candidate) {
            n += 1
            candidate = "TOPOC_EOF_\(n)"
        }
        return candidate
    }

    /// Whether `needle` (ASCII, non-empty) occurs anywhere in `text`'s bytes.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard hay.count >= n.count, let first = n.first else { return false }
            var i = 0
            let last = hay.count - n.count
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < n.count && hay[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}

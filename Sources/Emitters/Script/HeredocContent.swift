/// A shell function that prints a file's exact bytes, from a quoted here-document
/// (`<<'DELIM'`: bash expands nothing inside it).
enum HeredocContent {
    /// A here-document always ends its text with a newline. Content that does
    /// not is printed through `$(...)`, which strips exactly that one newline
    /// (content without a trailing newline has no other trailing newlines).
    static func function(named name: String, content: String) -> String {
        let delimiter = self.delimiter(for: content)
        let endsWithNewline = content.hasSuffix("\n")
        let body = endsWithNewline ? content : content + "\n"
        if endsWithNewline {
            return "\(name)() {\n  cat <<'\(delimiter)'\n\(body)\(delimiter)\n}\n"
        }
        return "\(name)() {\n  printf '%s' \"$(cat <<'\(delimiter)'\n\(body)\(delimiter)\n)\"\n}\n"
    }

    /// `TOPOC_EOF`, or `TOPOC_EOF_1`, `_2`, ... when a line of the content is
    /// exactly the candidate (which would end the here-document early).
    static func delimiter(for content: String) -> String {
        let lines = Set(content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        var candidate = "TOPOC_EOF"
        var n = 0
        while lines.contains(candidate) {
            n += 1
            candidate = "TOPOC_EOF_\(n)"
        }
        return candidate
    }
}

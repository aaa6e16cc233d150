import Diagnostics
import Model

/// Something shaped like an AWS credential anywhere in the spec's text.
enum SecretLiteralRule: LintRule {
    static let descriptor = RuleDescriptor(
        name: "secret-literal", severity: .error,
        summary: "The spec contains something shaped like an AWS access key id or secret access key.",
        explanation: """
        What: anywhere in the file, comments and `x-` keys included: a word of the form \
        AKIA or ASIA followed by 16 capitals or digits (an access key id), or a token of \
        exactly 40 characters of A-Z a-z 0-9 / + containing capitals, small letters and \
        digits (the shape of a secret access key).
        Why: specs are committed, reviewed and copied; a key in one is a leaked key. \
        topoc never writes credentials into its outputs: the workstation script reads \
        them from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or an AWS profile at run time.
        Fix: remove the value, rotate the key in IAM (assume it is compromised), and \
        export it in the environment or use `aws configure --profile` instead.
        Example: `# key: AKIA...` in a comment still counts; delete the line.
        """)

    static func check(_ c: LintContext) -> [Diagnostic] {
        SecretScanner.findings(in: c.source.bytes).map { f in
            var at = c.source.location(ofByte: f.offset)
            at.length = f.length
            let shown = String(decoding: c.source.bytes[f.offset..<(f.offset + 4)], as: UTF8.self) + "…"
            switch f.kind {
            case .accessKeyID:
                return finding("this looks like an AWS access key id (\(shown)): credentials never belong in a spec; remove it, rotate the key, and provide it through AWS_ACCESS_KEY_ID or an AWS profile at run time", at: at)
            case .secretAccessKey:
                return finding("this looks like an AWS secret access key (\(shown), 40 characters): credentials never belong in a spec; remove it, rotate the key, and provide it through AWS_SECRET_ACCESS_KEY or an AWS profile at run time", at: at)
            }
        }
    }
}

/// Finds credential-shaped tokens in raw bytes in one linear pass per token
/// shape, looking at maximal runs of token characters so a match is always a
/// whole word. The spec's every byte goes through here, so the loops read a
/// class table through a raw pointer and make nothing but the findings.
enum SecretScanner {
    enum Kind { case accessKeyID, secretAccessKey }
    struct Finding { let kind: Kind; let offset: Int; let length: Int }

    private static let upper: UInt8 = 1, lower: UInt8 = 2, digit: UInt8 = 4
    /// Word characters as a regex `\b` sees them.
    private static let word: UInt8 = 8
    /// The base64 alphabet of AWS secret keys.
    private static let secret: UInt8 = 16

    /// The classes of each byte value.
    private static let classes: [UInt8] = (0...255).map { b -> UInt8 in
        switch b {
        case 65...90: return upper | word | secret
        case 97...122: return lower | word | secret
        case 48...57: return digit | word | secret
        case 95: return word
        case 47, 43: return secret
        default: return 0
        }
    }

    static func findings(in bytes: [UInt8]) -> [Finding] {
        var out: [Finding] = []
        classes.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { text in
                // Both shapes lie inside a run of 20 or more token characters
                // of either kind, which YAML seldom has: only such runs are
                // scanned for each shape (their runs end where they end).
                forEachRun(text, table, of: word | secret, atLeast: 20) { start, end in
                    forEachRun(text, start..<end, table, of: word) { start, end, _ in
                        guard end - start == 20, isAccessKeyPrefix(text, start) else { return }
                        // After the prefix: capitals and digits only.
                        for i in (start + 4)..<end where table[Int(text[i])] & (upper | digit) == 0 { return }
                        out.append(Finding(kind: .accessKeyID, offset: start, length: 20))
                    }
                    forEachRun(text, start..<end, table, of: secret) { start, end, seen in
                        guard end - start == 40, seen & (upper | lower | digit) == upper | lower | digit else { return }
                        out.append(Finding(kind: .secretAccessKey, offset: start, length: 40))
                    }
                }
            }
        }
        // Stable, so an access key id and a secret starting at one byte keep
        // that order, as when each shape had a pass of its own.
        return out.sorted { $0.offset < $1.offset }
    }

    /// "AKIA" or "ASIA" at `start`.
    private static func isAccessKeyPrefix(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        text[start] == UInt8(ascii: "A") && (text[start + 1] == UInt8(ascii: "K") || text[start + 1] == UInt8(ascii: "S"))
            && text[start + 2] == UInt8(ascii: "I") && text[start + 3] == UInt8(ascii: "A")
    }

    /// Calls `body` with the bounds of every maximal run of at least `minimum`
    /// bytes in `runClass`, in order, reading about one byte in `minimum` where
    /// runs are short: such a run covers one of every `minimum` consecutive
    /// positions, so only those are looked at, and a run is measured only
    /// when one of them falls in it.
    private static func forEachRun(_ text: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>, of runClass: UInt8,
                                   atLeast minimum: Int, _ body: (Int, Int) -> Void) {
        let n = text.count
        // Every run of `minimum` that starts at `probe - minimum + 1` or later
        // contains a probe; each step keeps that true.
        var probe = minimum - 1
        while probe < n {
            guard table[Int(text[probe])] & runClass != 0 else { probe += minimum; continue }
            var start = probe, end = probe + 1
            while start > 0 && table[Int(text[start - 1])] & runClass != 0 { start -= 1 }
            while end < n && table[Int(text[end])] & runClass != 0 { end += 1 }
            if end - start >= minimum { body(start, end) }
            // The next run starts after `end`, at `end + 1` or later.
            probe = end + minimum
        }
    }

    /// Calls `body` with the bounds of every maximal run of bytes in `runClass`
    /// within `range`, and the union of the classes of the run's bytes.
    private static func forEachRun(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ table: UnsafeBufferPointer<UInt8>,
                                   of runClass: UInt8, _ body: (Int, Int, UInt8) -> Void) {
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            var c = table[Int(text[i])]
            guard c & runClass != 0 else { i += 1; continue }
            let start = i
            var seen: UInt8 = 0
            repeat {
                seen |= c
                i += 1
                guard i < n else { break }
                c = table[Int(text[i])]
            } while c & runClass != 0
            body(start, i, seen)
        }
    }
}

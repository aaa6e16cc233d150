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

/// Finds credential-shaped tokens in raw bytes in one linear pass, looking at
/// maximal runs of token characters so a match is always a whole word.
enum SecretScanner {
    enum Kind { case accessKeyID, secretAccessKey }
    struct Finding { let kind: Kind; let offset: Int; let length: Int }

    private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    /// Word characters as a regex `\b` sees them.
    private static func isWord(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || isDigit(b) || b == 95 }
    /// The base64 alphabet of AWS secret keys.
    private static func isSecretChar(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || isDigit(b) || b == 47 || b == 43 }

    static func findings(in bytes: [UInt8]) -> [Finding] {
        var out: [Finding] = []
        forEachRun(bytes, where: isWord) { start, end in
            guard end - start == 20 else { return }
            let p = bytes[start..<(start + 4)]
            guard p.elementsEqual("AKIA".utf8) || p.elementsEqual("ASIA".utf8) else { return }
            if bytes[(start + 4)..<end].allSatisfy({ isUpper($0) || isDigit($0) }) {
                out.append(Finding(kind: .accessKeyID, offset: start, length: 20))
            }
        }
        forEachRun(bytes, where: isSecretChar) { start, end in
            guard end - start == 40 else { return }
            let token = bytes[start..<end]
            if token.contains(where: isUpper) && token.contains(where: isLower) && token.contains(where: isDigit) {
                out.append(Finding(kind: .secretAccessKey, offset: start, length: 40))
            }
        }
        return out.sorted { $0.offset < $1.offset }
    }

    /// Calls `body` with the bounds of every maximal run of bytes in the class.
    private static func forEachRun(_ bytes: [UInt8], where inClass: (UInt8) -> Bool, _ body: (Int, Int) -> Void) {
        var i = 0
        while i < bytes.count {
            guard inClass(bytes[i]) else { i += 1; continue }
            var j = i + 1
            while j < bytes.count && inClass(bytes[j]) { j += 1 }
            body(i, j)
            i = j
        }
    }
}

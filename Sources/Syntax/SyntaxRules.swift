import Diagnostics

/// The front end's own diagnostics, named as in SPEC §2.
public enum SyntaxRules {
    public static let yamlSyntax = RuleDescriptor(
        name: "yaml-syntax", severity: .error,
        summary: "The file is not well-formed YAML (or holds more than one document).",
        explanation: """
        What: libyaml could not read the file: a malformed construct, a tab used for \
        indentation, invalid UTF-8, a NUL or other control byte, an alias to an anchor \
        that was never defined, or a second document after `---`.
        Why: a spec that does not parse has no meaning; guessing at one would build a \
        different cluster from the one you wrote.
        Fix: correct the text at the position shown. Indent with spaces only; save the \
        file as UTF-8; keep one spec per file.
        Example: `hosts:\\n\\tnode1: ...` -> indent `node1` with spaces.
        """)
    public static let duplicateKey = RuleDescriptor(
        name: "duplicate-key", severity: .error,
        summary: "A mapping names the same key twice.",
        explanation: """
        What: two entries of one mapping have the same key.
        Why: YAML forbids it and tools disagree on which value wins; topoc refuses \
        rather than picking one silently. (A key brought in by a `<<` merge and then \
        written out is not a duplicate: the written one overrides, as YAML says.)
        Fix: delete or rename one of them; the note points at the first.
        Example: two `node1:` entries under `hosts:`.
        """)
    public static let inputLimit = RuleDescriptor(
        name: "input-limit", severity: .error,
        summary: "The input exceeds a size, depth, alias-expansion or scalar-length limit.",
        explanation: """
        What: the file is larger than 64 MiB, nests deeper than 100 levels, expands \
        aliases into more than a million extra nodes (and more than four times the \
        nodes written out), or holds a scalar over 1 MiB.
        Why: specs are copied from the internet and may be hostile; these bounds keep \
        topoc fast and small on any input ("billion laughs", deep nesting).
        Fix: real specs are far below these bounds: look for a runaway anchor or a \
        file that is not a spec.
        Example: `a: &a [x, x, x]` `b: &b [*a, *a, *a]` ... nine levels deep.
        """)

    public static let all = [yamlSyntax, duplicateKey, inputLimit]
}

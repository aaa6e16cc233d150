/// One file of an output tree: its path relative to the tree's root
/// (`hosts/node1/setup.sh`), its bytes and whether it is executable.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]
    public let executable: Bool

    public init(path: String, content: String, executable: Bool = false) {
        self.path = path
        self.bytes = Array(content.utf8)
        self.executable = executable
    }
}

/// MANIFEST: `sha256  path` for every other file of the tree, sorted by path
/// (the format of `sha256sum`, so `sha256sum -c MANIFEST` verifies a tree).
public enum Manifest {
    public static let path = "MANIFEST"

    public static func render(_ files: [OutputFile]) -> OutputFile {
        let listed = files.filter { $0.path != path }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        // Hashing is most of the work, and each file's digest is its own.
        let digests = Parallel.map(listed, chunk: 64) { SHA256.hex($0.bytes) }
        var lines = ""
        for (f, digest) in zip(listed, digests) { lines += digest + "  " + f.path + "\n" }
        return OutputFile(path: path, content: lines)
    }
}

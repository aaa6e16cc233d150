import CSystem
import Emitters
import Foundation

/// Writes an output tree so that a reader, or a crash at any moment, sees the old
/// tree or the new one, never a mix and never nothing when there was something:
/// the new tree is built completely in a hidden sibling directory, then swapped
/// with the old one in a single renameat2(RENAME_EXCHANGE), then the old one is
/// deleted.
struct TreeWriter {
    struct Failure: Error { let message: String }

    let directory: String
    let name: String

    var target: String { directory + "/" + name }

    private var stagingPrefix: String { directory + "/." + name + ".new-" }

    func write(_ files: [OutputFile]) throws {
        try makeDirectories(directory)
        removeAbandonedStaging()
        let staging = stagingPrefix + String(getpid())
        try removeTree(staging)
        try makeDirectories(staging)
        // Files are written on every core, in runs of neighbouring paths (which
        // share directories); a run stops at its first failure, and the first
        // failure in path order is the one reported.
        let masked = TreeWriter.umaskBits()
        let runs = stride(from: 0, to: files.count, by: 256).map { $0..<min($0 + 256, files.count) }
        let failures = Parallel.map(runs, chunk: 1) { run -> Failure? in
            var made: Set<String> = [staging]
            do {
                for file in files[run] {
                    let path = staging + "/" + file.path
                    let parent = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
                    try makeParents(parent, made: &made)
                    try writeFile(path, file.bytes, mode: file.executable ? 0o755 : 0o644, umask: masked)
                }
                return nil
            } catch let failure as Failure {
                return failure
            } catch {
                return Failure(message: "\(error)")
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            // Nothing half-written stays behind; the old tree is untouched.
            try? removeTree(staging)
            throw failure
        }
        if exists(target) {
            if topoc_rename_exchange(staging, target) != 0 {
                let code = errno
                guard code == EINVAL || code == ENOSYS else {
                    throw Failure(message: "cannot replace '\(target)': \(String(cString: strerror(code)))")
                }
                // The file system cannot exchange: fall back to two renames, which
                // leave a short window with the old tree under a hidden name.
                let old = directory + "/." + name + ".old-" + String(getpid())
                try removeTree(old)
                guard rename(target, old) == 0, rename(staging, target) == 0 else {
                    throw Failure(message: "cannot replace '\(target)': \(String(cString: strerror(errno)))")
                }
                try removeTree(old)
                return
            }
            // `staging` now holds the old tree.
            try removeOldTree(staging)
        } else {
            guard rename(staging, target) == 0 else {
                throw Failure(message: "cannot create '\(target)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Paths that differ between `files` and the tree on disk: changed content or
    /// mode, missing, or present on disk but not generated.
    func differences(_ files: [OutputFile]) -> [String] {
        var out: [String] = []
        var expected = Set<String>()
        for file in files {
            expected.insert(file.path)
            let path = target + "/" + file.path
            guard let data = FileManager.default.contents(atPath: path) else {
                out.append("missing: \(file.path)")
                continue
            }
            if !data.elementsEqual(file.bytes) {
                out.append("differs: \(file.path)")
            } else if isExecutable(path) != file.executable {
                out.append("mode differs: \(file.path)")
            }
        }
        for path in listFiles(target) where !expected.contains(path) {
            out.append("extra: \(path)")
        }
        return out
    }

    // MARK: file system helpers

    private func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    private func isExecutable(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & 0o100 != 0
    }

    /// mkdir for a directory inside the staging tree and its missing parents,
    /// remembering what exists: a fleet's tree has tens of thousands of them.
    private func makeParents(_ path: String, made: inout Set<String>) throws {
        if made.contains(path) { return }
        if let slash = path.lastIndex(of: "/") { try makeParents(String(path[..<slash]), made: &made) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(message: "cannot create directory '\(path)': \(String(cString: strerror(errno)))")
        }
        made.insert(path)
    }

    private func makeDirectories(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        catch { throw Failure(message: "cannot create directory '\(path)': \(error.localizedDescription)") }
    }

    /// The process's umask, read from /proc (Linux 4.7+) without changing
    /// it: umask(2) can only be read by setting it, which would briefly
    /// change it for every other thread. Without /proc, all bits: every file
    /// then gets its fchmod.
    private static func umaskBits() -> mode_t {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let bits = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return 0o777 }
        return bits
    }

    private func writeFile(_ path: String, _ bytes: [UInt8], mode: mode_t, umask masked: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(message: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            written += n
        }
        // The umask must not change what MANIFEST and --check expect; when it
        // takes nothing from the mode, open already set it.
        if mode & masked != 0 { fchmod(fd, mode) }
    }

    /// Removes a replaced tree; its hosts/ directory, most of a fleet's tree,
    /// one host directory per task on every core.
    private func removeOldTree(_ path: String) throws {
        let hosts = path + "/hosts"
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: hosts) {
            let failures = Parallel.map(entries.sorted(), chunk: 16) { entry -> Failure? in
                do { try removeTree(hosts + "/" + entry); return nil } catch let f as Failure { return f } catch { return Failure(message: "\(error)") }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
        try removeTree(path)
    }

    private func removeTree(_ path: String) throws {
        guard exists(path) else { return }
        do { try FileManager.default.removeItem(atPath: path) }
        catch { throw Failure(message: "cannot remove '\(path)': \(error.localizedDescription)") }
    }

    /// A compile killed before its swap leaves its staging tree behind; remove
    /// those whose process is gone.
    private func removeAbandonedStaging() {
        let prefix = "." + name + ".new-"
        let oldPrefix = "." + name + ".old-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries.sorted() where entry.hasPrefix(prefix) || entry.hasPrefix(oldPrefix) {
            let pidText = entry.hasPrefix(prefix) ? entry.dropFirst(prefix.count) : entry.dropFirst(oldPrefix.count)
            guard let pid = Int32(pidText) else { continue }
            if pid != getpid() && kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + entry)
        }
    }

    /// Regular files under `root`, relative and sorted.
    private func listFiles(_ root: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var st = stat()
            if lstat(root + "/" + rel, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR { out.append(rel) }
        }
        return out.sorted()
    }
}

import Foundation

/// What `run` measures at one fleet size.
struct SizeResult {
    let hosts: Int
    let specMB: Double
    var files = 0
    var floor: [Double] = []
    var lint: [Double] = []
    var compile: [Double] = []
    var write: [Double] = []
    var recompile: [Double] = []
    /// Each round's ratios: both sides of a ratio ran within seconds of each
    /// other, so they saw the same machine.
    var lintRatios: [Double] = []
    var compileRatios: [Double] = []
    var lintMaxRSSKiB = 0
    var compileMaxRSSKiB = 0
    var failures: [String] = []
}

/// Runs the commands of one size in rounds: floor, lint, compile into a new
/// directory, the same bytes written by plain open/write, compile over the
/// existing tree; then the next round. On a machine shared with other jobs
/// the speed moves by tens of percent within a minute; measuring every side
/// of a ratio in the same round, and taking the median of the rounds'
/// ratios, keeps that drift out of the ratios (running all floors, then all
/// lints, put a minute between the two sides).
struct Rounds {
    let bench: String
    let topoc: String
    let work: String
    let runs: Int
    let lint: Bool
    let compile: Bool

    func measure(hosts n: Int) -> SizeResult {
        let spec = work + "/fleet-\(n).yaml"
        try! SpecGenerator.spec(hosts: n).write(toFile: spec, atomically: true, encoding: .utf8)
        let specBytes = (try? FileManager.default.attributesOfItem(atPath: spec)[.size] as? Int) ?? 0
        let out = work + "/out-\(n)", same = work + "/same-\(n)"
        let tree = out + "/fleet-\(n)"
        var r = SizeResult(hosts: n, specMB: Double(specBytes) / 1e6)
        for _ in 0..<runs {
            let floor = checked(Measure.run([bench, "floor", spec]), "floor", &r)
            r.floor.append(floor.seconds)
            if lint {
                let l = checked(Measure.run([topoc, "lint", spec]), "lint", &r)
                r.lint.append(l.seconds)
                r.lintRatios.append(l.seconds / floor.seconds)
                r.lintMaxRSSKiB = max(r.lintMaxRSSKiB, l.maxRSSKiB)
            }
            if compile {
                // The compile writes a tree where none is, as write-same does:
                // the two sides do the same file-system work.
                try? FileManager.default.removeItem(atPath: out)
                let c = checked(Measure.run([topoc, "compile", spec, "-o", out]), "compile", &r)
                let w = checked(Measure.run([bench, "write-same", tree, same]), "write-same", &r)
                let written = Double(w.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? w.seconds
                r.compile.append(c.seconds)
                r.write.append(written)
                r.compileRatios.append(c.seconds / (floor.seconds + written))
                r.compileMaxRSSKiB = max(r.compileMaxRSSKiB, c.maxRSSKiB)
                // The copy goes before the next compile: /dev/shm is memory,
                // and at 100k hosts three 4.4 GB trees (the copy, the old
                // tree and the new one) with compile's own 3.6 GB filled it.
                try? FileManager.default.removeItem(atPath: same)
                // Replacing a tree also deletes the old one: measured apart.
                r.recompile.append(checked(Measure.run([topoc, "compile", spec, "-o", out]), "compile over a tree", &r).seconds)
            }
        }
        if compile { r.files = FileManager.default.enumerator(atPath: tree)?.allObjects.count ?? 0 }
        try? FileManager.default.removeItem(atPath: out)
        return r
    }

    /// A measurement of a command that failed measures nothing: say so.
    private func checked(_ s: Sample, _ what: String, _ r: inout SizeResult) -> Sample {
        if s.status != 0 {
            // The error lines, not the warnings a fleet spec prints first.
            let errors = s.stderr.split(separator: "\n").filter { $0.contains("error") }.suffix(3)
            r.failures.append("\(what) exited \(s.status) on the \(r.hosts)-host spec: " + (errors.isEmpty ? String(s.stderr.suffix(300)) : errors.joined(separator: " / ")))
        }
        return s
    }
}

import Foundation

/// `TopocBench run`: measures every size, prints the table, the instruction
/// counts when asked, and the goals. Exits 1 when a goal fails or a command
/// failed, so a script can rely on the status.
enum Report {
    static func run(_ options: RunOptions, bench: String) -> Int32 {
        let work = options.workDirectory
        try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let rounds = Rounds(bench: bench, topoc: options.topoc, work: work, runs: options.runs,
                            lint: options.lint, compile: options.compile)
        print("topoc benchmark: \(options.runs) rounds per size, each running every command once; times are medians,")
        print("ratios the median of the rounds' ratios (min-max in brackets), both sides measured in the same round")
        print("work directory: \(work)")
        print("hosts    spec MB  floor s   lint s  lint/floor            compile s  write s  compile/(floor+write)  lint MiB  compile MiB    files")
        var results: [SizeResult] = []
        for n in options.sizes {
            let r = rounds.measure(hosts: n)
            results.append(r)
            print(row(r))
        }
        if options.compile {
            print("\ncompile over an existing tree of the same spec (old tree swapped out, then deleted):")
            print("hosts    compile s")
            for r in results { print(pad(String(r.hosts), 8) + " " + fixed(Measure.median(r.recompile), 9, 3)) }
        }
        if options.callgrind && options.lint {
            print("\ninstructions (valgrind --tool=callgrind; the same on every run):")
            print("hosts       floor G    lint G  lint/floor")
            for r in results {
                let spec = work + "/fleet-\(r.hosts).yaml"
                guard let f = Callgrind.instructions([bench, "floor", spec]),
                      let l = Callgrind.instructions([options.topoc, "lint", spec]) else {
                    print(pad(String(r.hosts), 8) + " valgrind did not run")
                    continue
                }
                print(pad(String(r.hosts), 8) + fixed(Double(f) / 1e9, 10, 3) + fixed(Double(l) / 1e9, 10, 3) + fixed(Double(l) / Double(f), 12, 2))
            }
        }
        print("")
        var failed = false
        for r in results { for f in r.failures { print("error: " + f); failed = true } }
        let byHosts = Dictionary(results.map { ($0.hosts, $0) }, uniquingKeysWith: { a, _ in a })
        func goal(_ name: String, _ value: Double?, _ limit: Double, _ unit: String) {
            guard let value, !value.isNaN else { return }
            if value > limit { failed = true }
            print((value <= limit ? "PASS " : "FAIL ") + pad(name, 50, left: true) + fixed(value, 9, 2) + unit
                  + " (goal <= " + String(format: "%.0f", limit) + unit + ")")
        }
        goal("lint, 100k hosts / floor", byHosts[100_000].map { Measure.median($0.lintRatios) }, 3, "x")
        goal("compile, 10k hosts / (floor + writing the bytes)", byHosts[10_000].map { Measure.median($0.compileRatios) }, 2, "x")
        if let a = byHosts[100_000], let b = byHosts[10_000] {
            goal("lint time 100k / 10k (linear is 10)", Measure.median(a.lint) / Measure.median(b.lint), 12, "x")
        }
        goal("lint peak memory, 100k hosts", byHosts[100_000].flatMap { $0.lint.isEmpty ? nil : Double($0.lintMaxRSSKiB) / 1024 }, 256, " MiB")
        return failed ? 1 : 0
    }

    static func row(_ r: SizeResult) -> String {
        var s = pad(String(r.hosts), 8) + fixed(r.specMB, 8, 2) + fixed(Measure.median(r.floor), 9, 3)
        s += fixed(Measure.median(r.lint), 9, 3) + "  " + ratio(r.lintRatios, 20)
        s += fixed(Measure.median(r.compile), 11, 3) + fixed(Measure.median(r.write), 9, 3) + "  " + ratio(r.compileRatios, 21)
        s += fixed(r.lint.isEmpty ? .nan : Double(r.lintMaxRSSKiB) / 1024, 10, 1)
        s += fixed(r.compile.isEmpty ? .nan : Double(r.compileMaxRSSKiB) / 1024, 13, 1)
        return s + pad(r.compile.isEmpty ? "-" : String(r.files), 9)
    }

    /// "2.61 [2.20-3.05]": the median ratio and the spread of the rounds.
    static func ratio(_ values: [Double], _ width: Int) -> String {
        guard let lo = values.min(), let hi = values.max() else { return pad("-", width, left: true) }
        return pad(String(format: "%.2f [%.2f-%.2f]", Measure.median(values), lo, hi), width, left: true)
    }

    static func fixed(_ v: Double, _ width: Int, _ decimals: Int) -> String {
        pad(v.isNaN ? "-" : String(format: "%.\(decimals)f", v), width)
    }

    static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? s + fill : fill + s
    }
}

// swift-tools-version:6.0
// topoc: a declarative plan compiler for Docker/etcd/Flannel/Portworx/ECS clusters.
// Every module is one compiler phase; each imports only the phases before it.
import PackageDescription

let package = Package(
    name: "topoc",
    products: [
        .executable(name: "topoc", targets: ["topoc"]),
    ],
    targets: [
        // libyaml from the system (apt: libyaml-dev), found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // libcrypto from the system (apt: libssl-dev), for MANIFEST's SHA-256.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The one system call Foundation and Glibc's Swift overlay do not expose:
        // renameat2(RENAME_EXCHANGE), for swapping output trees atomically.
        .target(name: "CSystem"),
        // Small value types used by every phase: addresses, CIDRs, names, quoting.
        .target(name: "Values"),
        // Diagnostics: severity, rule, location, notes, and their renderings.
        .target(name: "Diagnostics", dependencies: ["Values"]),
        // YAML text -> node tree with source locations.
        .target(name: "Syntax", dependencies: ["CYAML", "Diagnostics"]),
        // Node tree -> typed Topology.
        .target(name: "Model", dependencies: ["Syntax", "Diagnostics", "Values"]),
        // Lint rules over a Topology.
        .target(name: "Checks", dependencies: ["Model", "Diagnostics", "Values"]),
        // Topology -> dependency graph of deployment steps.
        .target(name: "Planner", dependencies: ["Model", "Diagnostics", "Values"]),
        // Plan -> output files (bytes).
        .target(name: "Emitters", dependencies: ["CCrypto", "Planner", "Model", "Values"]),
        // The command line: argument parsing, file I/O, rendering, atomic writes.
        .target(name: "TopocCLI", dependencies: ["CSystem", "Syntax", "Model", "Checks", "Planner", "Emitters", "Diagnostics", "Values"]),
        .executableTarget(name: "topoc", dependencies: ["TopocCLI"]),
        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer); a
        // normal build makes a replay driver that runs the targets on files.
        // The benchmark: generates fleet specs and measures topoc against the
        // libyaml parse floor (scripts/bench runs it on a release build).
        .executableTarget(name: "TopocBench", dependencies: ["CYAML"]),
        .executableTarget(name: "TopocFuzz", dependencies: ["TopocCLI", "Syntax", "Diagnostics"]),

        // What the test targets share: running programs through files, tool
        // lookup, scratch directories, executables written by a child process,
        // the repository root. Foundation only, so any test target can use it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "ValuesTests", dependencies: ["Values", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Syntax", "TestSupport"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "Model", "Syntax", "TestSupport"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Model", "Syntax", "TestSupport"]),
        .testTarget(name: "EmittersTests", dependencies: ["Emitters", "Planner", "Model", "Syntax", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TopocCLI", "TestSupport"]),
        // Every output handed to the program that consumes it.
        .testTarget(name: "ConformanceTests", dependencies: ["TopocCLI", "Emitters", "Planner", "Model", "Syntax", "Diagnostics", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)

// Whole-program speed: let generic helpers (name and address validators,
// collection code) specialise across module boundaries in release builds;
// without it every call goes through generic metadata lookups at run time.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}

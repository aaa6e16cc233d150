#if FUZZING
import Foundation

/// libFuzzer's entry point. The target comes from TOPOC_FUZZ_TARGET; an
/// unknown name stops the run at the first input instead of fuzzing nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = FuzzTarget.fromEnvironment else {
        fputs("TopocFuzz: set TOPOC_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n", stderr)
        exit(2)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}

/// libFuzzer's documented driver entry (`int LLVMFuzzerRunDriver(int *argc,
/// char ***argv, int (*cb)(const uint8_t *, size_t))`); only pointers and
/// ints cross, so the Swift declaration matches the C ABI.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links every executable with `main` aliased to `<module>_main`
/// (so tests can link executables), which hides libFuzzer's own `main`; this
/// is that symbol, and it hands control to libFuzzer's driver exactly as
/// libFuzzer's `main` would.
@_cdecl("TopocFuzz_main")
public func topocFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, LLVMFuzzerTestOneInput)
}
#endif

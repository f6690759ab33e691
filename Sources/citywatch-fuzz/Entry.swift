import CityWatchCore
import Foundation

/// One executable, two builds. With `-sanitize=fuzzer,address -DFUZZING` (scripts/fuzz) it is a libFuzzer binary
/// whose target CITYWATCH_FUZZ_TARGET names. Without FUZZING (a normal `swift build`) it replays inputs:
/// `citywatch-fuzz TARGET FILE...` runs each file through the target once, as CI's smoke replay does.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        guard let name = ProcessInfo.processInfo.environment["CITYWATCH_FUZZ_TARGET"], FuzzTargets.names.contains(name) else {
            StandardError.write("citywatch-fuzz: set CITYWATCH_FUZZ_TARGET to one of \(FuzzTargets.names.joined(separator: "|"))\n")
            exit(2)
        }
        fuzzTarget = name
        // One empty input first builds the shared tables (the gazetteer takes a while under ASan), so that cost
        // never counts against -timeout on a real input: libFuzzer's timer starts with the first one.
        _ = FuzzTargets.run(name, Data())
        // SwiftPM points `main` at this function, so libFuzzer's own main is not linked: run its driver from here.
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        let args = Array(CommandLine.arguments.dropFirst())
        guard let target = args.first, FuzzTargets.names.contains(target), args.count > 1 else {
            StandardError.write("usage: citywatch-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE...\n")
            exit(2)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                StandardError.write("citywatch-fuzz: cannot read \(path)\n")
                exit(1)
            }
            _ = FuzzTargets.run(target, data)
        }
        print("citywatch-fuzz \(target): \(args.count - 1) input(s) ran")
        #endif
    }
}

#if FUZZING
/// Set once in `main` before the driver starts calling `fuzzOneInput`.
nonisolated(unsafe) var fuzzTarget = ""

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    _ = FuzzTargets.run(fuzzTarget, data)
    return 0
}
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if BYLAW_FUZZING
import CLibFuzzer
#endif

/// The `main` of every fuzz target.
///
/// Built by `scripts/fuzz` (`-sanitize=fuzzer,address -DBYLAW_FUZZING`) it hands the command
/// line to libFuzzer's driver. In the normal build it runs the target's entry point once on
/// each file named on the command line, so a saved crash can be replayed without libFuzzer.
public enum FuzzMain {
    public typealias Entry = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func run(_ entry: Entry) -> Never {
        #if BYLAW_FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, entry))
        #else
        replay(entry)
        #endif
    }

    private static func replay(_ entry: Entry) -> Never {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            let name = CommandLine.arguments.first ?? "fuzz-target"
            printError("usage: \(name) INPUT…\nRuns the fuzz target once on each input (a replay build; scripts/fuzz builds the fuzzer).")
            exit(2)
        }
        for path in paths {
            guard let bytes = read(path) else {
                printError("cannot read \(path)")
                exit(2)
            }
            _ = bytes.withUnsafeBufferPointer { entry($0.baseAddress, $0.count) }
            print("ran \(path) (\(bytes.count) bytes)")
        }
        exit(0)
    }

    private static func printError(_ message: String) {
        var text = message + "\n"
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return ferror(handle) == 0 ? bytes : nil
    }
}

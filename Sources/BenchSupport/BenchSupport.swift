// BenchSupport: what every benchmark executable needs, written once: a deterministic generator,
// clocks (CPU time is what counts on a shared machine), memory figures and table formatting.
// No Foundation, so the benchmarks measure only the code under test.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: small, fast, and the same sequence on every machine.
public struct SplitMix64 {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One of `items`, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Wall-clock seconds (monotonic).
public func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// User plus system CPU time of this process: the one-core cost of the code even while other
/// processes take turns on the core.
public func cpuSeconds() -> Double {
    let usage = resourceUsage()
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// This thread's CPU time.
public func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU time spent in the kernel (page faults, mostly).
public func kernelCPUSeconds() -> Double { seconds(resourceUsage().ru_stime) }

/// Peak resident set size of this process so far, in MiB.
public func peakRSSMiB() -> Double {
    #if canImport(Darwin)
    return Double(resourceUsage().ru_maxrss) / 1_048_576  // bytes on Darwin
    #else
    return Double(resourceUsage().ru_maxrss) / 1024  // KiB on Linux
    #endif
}

/// Resident set size now, in MiB (the second field of Linux's `/proc/self/statm`; 0 elsewhere).
public func currentRSSMiB() -> Double {
    guard let handle = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(handle) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
    let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return Double(pages * sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// `text` padded to `width` columns, on the right (or on the left with `right: true`).
public func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

/// `value` with `digits` decimals.
public func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard digits > 0 else { return String(scaled) }
    let sign = scaled < 0 ? "-" : ""
    let whole = String(abs(scaled) / Int(scale))
    let fraction = String(abs(scaled) % Int(scale))
    return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}

private func resourceUsage() -> rusage {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage
}

private func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

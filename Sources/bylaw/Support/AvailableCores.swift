#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How many cores this process may run on, as Foundation counts them (on Linux: the CPUs of
/// the affinity mask, so a container or `taskset` limits it). The default of
/// `bylaw eval --jobs`.
enum AvailableCores {
    static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

#if canImport(Glibc)
import CMallocTuning
#endif

/// Keeps memory the allocator frees in the process instead of handing it back to the system
/// at once, for `bylaw eval` on several threads.
///
/// With `--jobs` above 1 each block of the file (about 1 MiB) and each block's encoded findings
/// is allocated on one thread and freed on another. glibc's defaults give such blocks back
/// (a block above the mmap threshold is unmapped; a heap whose free top passes the trim
/// threshold is shrunk), and the next block faults the same pages in again: on 1 M events that
/// was about 30,000 page faults and a sixth of the run's CPU time in the kernel. Raising both
/// thresholds keeps the pages; what the process holds is still bounded by the most that was
/// in flight at once (two blocks a worker, with their findings).
enum FreedMemory {
    /// Blocks up to this size come from the heap, not from a mapping of their own.
    static let mmapThreshold: Int32 = 64 << 20
    /// Free memory at the top of a heap kept before the heap is shrunk.
    static let trimThreshold: Int32 = 256 << 20

    /// Applies the thresholds (glibc only; elsewhere, nothing).
    static func keepForReuse() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        #endif
    }
}

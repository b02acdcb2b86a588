#if canImport(Glibc)
import Glibc
#endif

extension Array {
    /// Asks Linux to back this array's reserved buffer with 2 MiB pages, when it spans at least
    /// a few of them.
    ///
    /// A large file's node records are tens of megabytes written once to fresh memory: with
    /// 4 KiB pages that is one page fault per 4 KiB, a few percent of the load time. The advice
    /// changes no contents and is ignored where transparent huge pages are off; elsewhere it
    /// does nothing.
    mutating func adviseHugePages() {
        #if os(Linux)
        let bytes = capacity * MemoryLayout<Element>.stride
        guard bytes >= 8 << 20 else { return }
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let page = 4096
            let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}

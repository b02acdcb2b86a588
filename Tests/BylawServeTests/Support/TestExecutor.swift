import Foundation

/// Threads of the server tests' own, for their tasks and for the servers they start in this
/// process. The test process runs hundreds of other tests at once, many of which block Swift's
/// shared threads while a child process runs (there are as many as cores, two here); a server
/// whose request handlers wait for one of those threads can take minutes to answer. Tasks that
/// prefer this executor (and their child tasks) run here instead.
final class TestExecutor: TaskExecutor, @unchecked Sendable {
    // `@unchecked`: `jobs` is guarded by `condition`.
    static let shared = TestExecutor(threads: 4)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "bylaw-serve-tests-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs `body` on the tests' own threads (``TestExecutor``).
func onTestThreads<T: Sendable>(_ body: () async throws -> T) async throws -> T {
    try await withTaskExecutorPreference(TestExecutor.shared) { try await body() }
}

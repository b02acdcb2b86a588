// Built only with the servers (not with BYLAW_WITHOUT_SERVERS=1: Package.swift).
#if BYLAW_SERVERS
import Dispatch
import Logging
import Synchronization

/// What `serve` and `studio` share as long-running commands: their log on standard error, and
/// running the server on Swift's concurrency threads while the main thread waits for it to end.
enum ServerProcess {
    /// Sends every log line to standard error at `level` and up; the command's own logger.
    static func logger(label: String, level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }

    /// Runs `server` until it returns, then prints `bylaw COMMAND: stopped`; an error it throws
    /// (an address it cannot listen on) is printed and ends the command with exit code 2.
    static func run(_ command: String, _ server: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        // The server runs on Swift's concurrency threads; this thread only waits for it to end.
        Task.detached {
            do {
                try await server()
            } catch {
                outcome.fail("bylaw \(command): \(error)\n")
            }
            finished.signal()
        }
        finished.wait()
        if let message = outcome.failure {
            Terminal.err(message)
            throw BylawExit.invalidInput.exitCode
        }
        Terminal.err("bylaw \(command): stopped\n")
    }
}

/// How a server's run ended, handed from its task to the waiting thread.
private final class Outcome: Sendable {
    private let message = Mutex<String?>(nil)

    func fail(_ text: String) { message.withLock { $0 = text } }

    var failure: String? { message.withLock { $0 } }
}
#endif

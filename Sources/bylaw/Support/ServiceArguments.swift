import ArgumentParser
import BylawPolicy
import BylawSource
import CEL

/// Option values the long-running commands (`serve`, `consume`, `publish`) read alike.
enum ServiceArguments {
    /// A size such as `1MiB`, `512KiB` or `1048576` (bytes), more than 0.
    static func size(_ text: String, _ option: String) throws -> Int {
        guard let bytes = CELByteCount.parse(text), bytes > 0 else {
            throw ValidationError("\(option) takes a size such as 1MiB, 512KiB or 1048576 (bytes), found '\(text)'")
        }
        return bytes
    }

    /// `BYLAW_TODAY` as a fixed date for exception expiry, or nil for the real date.
    static func fixedToday() throws -> CalendarDate? {
        guard let text = processEnvironment["BYLAW_TODAY"] else { return nil }
        guard let date = CalendarDate(text) else { throw ValidationError("BYLAW_TODAY must be a date written YYYY-MM-DD") }
        return date
    }

    /// Seconds given as an option, within `range`, as a duration.
    static func seconds(_ value: Double, _ option: String, in range: ClosedRange<Double>) throws -> Duration {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound)) seconds, found \(Self.format(value))")
        }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    /// Prints why a long-running command cannot start (`bylaw serve: cannot start: …` and the
    /// diagnostics, pointing at `--policies` when none were named) and returns the exit to throw.
    static func cannotStart(_ command: String, _ message: String, _ diagnostics: [Diagnostic], policies: [String], options: PolicyOptions) -> ExitCode {
        Terminal.err("bylaw \(command): cannot start: \(message)\n")
        return InputFailure.report(PolicyLoading.pointing(diagnostics, at: .option, defaulted: policies.isEmpty), limit: options.maxDiagnostics)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

/// `--server`, which `consume`, `publish` and `read` share.
struct NATSOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A NATS server URL (nats://HOST:PORT); repeat it, or separate with commas, for a cluster.", valueName: "url"))
    var server: [String]

    /// The servers: each `--server` a `nats://HOST:PORT` URL or a comma-separated list of them.
    func servers() throws -> [String] {
        let servers = server.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
        guard !servers.isEmpty else { throw ValidationError("--server takes a NATS URL such as nats://127.0.0.1:4222") }
        for server in servers where !(server.hasPrefix("nats://") || server.hasPrefix("tls://")) || server.contains(" ") {
            throw ValidationError("--server takes NATS URLs such as nats://127.0.0.1:4222, found '\(server)'")
        }
        return servers
    }

    func validate() throws {
        _ = try servers()
    }
}

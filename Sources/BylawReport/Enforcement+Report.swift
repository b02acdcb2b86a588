import BylawPolicy
import BylawSource

extension Enforcement {
    /// The compiler severity word a finding prints with: `block` fails the run like an error,
    /// `warn` is a warning, `audit` a note kept for the record.
    public var reportSeverity: Severity {
        switch self {
        case .block: return .error
        case .warn: return .warning
        case .audit: return .note
        }
    }

    /// SARIF's `level` (`error`, `warning`, `note`).
    var sarifLevel: String { reportSeverity.sarifLevel }
}

extension Severity {
    /// SARIF's `level` for a diagnostic of this severity.
    var sarifLevel: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// The GitHub workflow command that annotates at this severity.
    var githubCommand: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }
}

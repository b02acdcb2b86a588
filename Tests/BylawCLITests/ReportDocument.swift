import Foundation
import Testing

/// The `--format json` document of `lint` and `eval`, read back into the shapes the catalog uses.
struct ReportDocument {
    let root: [String: Any]

    init(_ run: BylawRun) throws {
        root = try run.json()
    }

    var findings: [[String: Any]] { root["findings"] as? [[String: Any]] ?? [] }
    var diagnostics: [[String: Any]] { root["diagnostics"] as? [[String: Any]] ?? [] }
    var summary: [String: Any] { root["summary"] as? [String: Any] ?? [:] }

    /// `RULE@LINE:COLUMN`, or `RULE@LINE` when the location has no column (a stream event).
    var findingKeys: [String] {
        findings.map { Self.key($0["rule"], $0["location"]) }
    }

    /// `CODE@LINE:COLUMN` for each input diagnostic.
    var diagnosticKeys: [String] {
        diagnostics.map { Self.key($0["code"], $0["location"]) }
    }

    /// An integer of the summary at a path such as `["lines", "read"]`.
    func summaryInt(_ path: String...) -> Int? {
        var node: Any? = summary
        for key in path { node = (node as? [String: Any])?[key] }
        return (node as? NSNumber)?.intValue
    }

    private static func key(_ name: Any?, _ location: Any?) -> String {
        let location = location as? [String: Any] ?? [:]
        var key = "\(name as? String ?? "?")@\((location["line"] as? NSNumber)?.intValue ?? 0)"
        if let column = (location["column"] as? NSNumber)?.intValue { key += ":\(column)" }
        return key
    }
}


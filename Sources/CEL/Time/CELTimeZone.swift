import Foundation
import Synchronization

/// A time zone argument of CEL's timestamp accessors: a fixed UTC offset or an IANA zone.
enum CELTimeZone: Sendable {
    case fixed(seconds: Int64)
    case named(TimeZone)

    /// Where the system's tz database lives (Debian's `tzdata`).
    static let zoneInfoDirectory = "/usr/share/zoneinfo"

    /// Zones already loaded, so an accessor evaluated per event does not reread the database.
    private static let cache = Mutex<[String: CELTimeZone]>([:])
    private static let cacheLimit = 256

    /// Resolves a zone argument the way cel-go does: text containing `:` is a `[+-]HH:MM`
    /// offset, anything else is a zone name from the tz database (`"UTC"` always works).
    static func resolve(_ name: String) throws(CELTimeError) -> CELTimeZone {
        if let cached = cache.withLock({ $0[name] }) {
            return cached
        }
        let zone = try load(name)
        cache.withLock { zones in
            if zones.count >= cacheLimit {
                zones.removeAll()
            }
            zones[name] = zone
        }
        return zone
    }

    private static func load(_ name: String) throws(CELTimeError) -> CELTimeZone {
        if name.contains(":") {
            return try parseOffset(name)
        }
        if name == "UTC" || name == "Z" {
            return .fixed(seconds: 0)
        }
        let valid = !name.isEmpty && !name.hasPrefix("/") && !name.split(separator: "/").contains("..")
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || Self.nameCharacters.contains($0)) }
        guard valid else {
            throw CELTimeError(message: "invalid time zone \"\(name)\": expected an IANA name like \"America/Los_Angeles\" or an offset like \"+05:30\"")
        }
        // Foundation may accept abbreviations or fall back silently; insist on a database file.
        guard FileManager.default.fileExists(atPath: zoneInfoDirectory + "/" + name) else {
            if !FileManager.default.fileExists(atPath: zoneInfoDirectory) {
                throw CELTimeError(message: "unknown time zone \"\(name)\": the tz database (\(zoneInfoDirectory), package tzdata) is not installed")
            }
            throw CELTimeError(message: "unknown time zone \"\(name)\"")
        }
        guard let zone = TimeZone(identifier: name) else {
            throw CELTimeError(message: "unknown time zone \"\(name)\"")
        }
        return .named(zone)
    }

    private static let nameCharacters: Set<Unicode.Scalar> = ["_", "-", "+", "/"]

    private static func parseOffset(_ text: String) throws(CELTimeError) -> CELTimeZone {
        let invalid = CELTimeError(message: "invalid time zone offset \"\(text)\": expected [+|-]HH:MM, e.g. \"+05:30\"")
        var body = Substring(text)
        var sign: Int64 = 1
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int64(parts[0]), let minutes = Int64(parts[1]),
              hours < 24, minutes < 60
        else { throw invalid }
        return .fixed(seconds: sign * (hours * 3600 + minutes * 60))
    }

    /// Seconds east of UTC at the given instant.
    func offsetSeconds(atUnixSeconds seconds: Int64) -> Int64 {
        switch self {
        case .fixed(let offset):
            return offset
        case .named(let zone):
            return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }
}

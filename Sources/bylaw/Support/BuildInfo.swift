import BylawSource
import CBylawBuildInfo

/// What this binary knows about its own build: Bylaw's version, the commit and compiler that
/// built it (recorded by scripts/release, absent from a plain `swift build`), and the platform.
struct BuildInfo: Equatable {
    /// Bylaw's version (``BylawVersion/current``).
    var version: String
    /// The git commit the binary was built from; nil when the build did not record it.
    var commit: String?
    /// The Swift compiler version: the exact one when recorded, else the language level the
    /// compiler reports (`6.3`).
    var swift: String
    /// `OS-ARCH`, as in the release tarball's name (`linux-x86_64`).
    var platform: String

    /// This binary's build.
    static let current = BuildInfo(
        version: BylawVersion.current,
        commit: nonEmpty(String(cString: bylaw_build_commit())),
        swift: nonEmpty(String(cString: bylaw_build_swift())) ?? compilerLevel,
        platform: operatingSystem + "-" + architecture)

    /// `{"version", "commit", "swift", "platform"}`, `commit` null when unknown.
    var json: JSONValue {
        .object([
            ("version", .string(version)),
            ("commit", commit.map(JSONValue.string) ?? .null),
            ("swift", .string(swift)),
            ("platform", .string(platform)),
        ])
    }

    /// `bylaw VERSION`, then one `key: value` line each for the rest.
    var text: String {
        "bylaw \(version)\ncommit: \(commit ?? "unknown")\nswift: \(swift)\nplatform: \(platform)\n"
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    private static var compilerLevel: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #else
        return "6.1"
        #endif
    }

    private static var operatingSystem: String {
        #if os(Linux)
        return "linux"
        #elseif os(macOS)
        return "macos"
        #else
        return "unknown"
        #endif
    }

    private static var architecture: String {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64) && os(Linux)
        return "aarch64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "unknown"
        #endif
    }
}

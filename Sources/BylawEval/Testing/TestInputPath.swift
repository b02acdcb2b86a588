import BylawSource

/// Where a test's `workspace:` (or `before:`/`after:`) path may point: a relative path, resolved
/// against the policy file's folder, that stays, symbolic links followed, inside that folder
/// or inside one of the allowed roots (the working directory by default). A test is part of a
/// policy, and policies come from pull requests: a path outside the project (`/proc/self/environ`,
/// `../../.ssh/id_rsa`) must not be read into CI output.
enum TestInputPath {
    /// Why a path was refused, for the diagnostic at the path.
    enum Refusal: Error, Equatable {
        case absolute
        case missing
        case outside(resolved: String)
    }

    /// The path to read, with symbolic links resolved, or why it may not be read.
    static func resolve(_ path: String, policyPath: String, roots: [String]) -> Result<String, Refusal> {
        guard !path.hasPrefix("/") else { return .failure(.absolute) }
        let folder = policyPath.lastIndex(of: "/").map { String(policyPath[...$0]) } ?? ""
        guard let real = ResolvedPath.of(folder + path) else { return .failure(.missing) }
        let allowed = ([folder.isEmpty ? "." : folder] + roots).compactMap(ResolvedPath.of)
        guard allowed.contains(where: { ResolvedPath.isInside(real, $0) }) else { return .failure(.outside(resolved: real)) }
        return .success(real)
    }

    /// The working directory, symbolic links resolved.
    static var workingDirectory: String { ResolvedPath.of(".") ?? "." }
}

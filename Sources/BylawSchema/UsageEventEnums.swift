/// The `kind` of a usage event.
public enum UsageEventKind: String, SchemaEnumeration, Hashable {
    case prompt, upload, share
    /// A value the format does not define; passed through for policies to judge.
    case other

    public static var noun: String { "event kind" }
    public static var isOpen: Bool { true }
    public static var knownCases: [UsageEventKind] { [.prompt, .upload, .share] }

    public var summary: String {
        switch self {
        case .prompt: return "a prompt sent to a model"
        case .upload: return "an artifact uploaded to an app"
        case .share: return "something shared into another scope, org or user"
        case .other: return "any other value, passed through for policies to judge"
        }
    }
}

/// The `scope` of a usage event or of a share's target.
public enum UsageEventScope: String, SchemaEnumeration, Hashable {
    case `private`, org
    /// A value the format does not define; passed through for policies to judge.
    case other

    public static var noun: String { "scope" }
    public static var isOpen: Bool { true }
    public static var knownCases: [UsageEventScope] { [.private, .org] }

    public var summary: String {
        switch self {
        case .private: return "personal exploration: stays personal"
        case .org: return "organizational work: follows org policy and org billing"
        case .other: return "any other value, passed through for policies to judge"
        }
    }
}

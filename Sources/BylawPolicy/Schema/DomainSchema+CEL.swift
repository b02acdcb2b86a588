// The schema's types are the vocabulary of this module's API (the compiler declares them to
// CEL): its clients see them without importing BylawSchema too.
@_exported import BylawSchema
import CEL

/// The lookups `workspace.org(id)`, `workspace.user(id)`, … resolve to. The evaluation layer's
/// workspace object implements them over its id indexes (constant time).
public enum WorkspaceLookupKind: Int, Sendable, CaseIterable {
    case org, user, app, provider, account, subscription

    /// The member function's name in CEL.
    public var functionName: String {
        switch self {
        case .org: return "org"
        case .user: return "user"
        case .app: return "app"
        case .provider: return "provider"
        case .account: return "account"
        case .subscription: return "subscription"
        }
    }
}

/// Base class of the evaluation layer's CEL objects; the workspace's object overrides
/// ``celLookup(_:id:)`` to answer `workspace.org(id)`, `workspace.user(id)`, ….
///
/// A class rather than a protocol because every lookup checks its receiver: checking a class is
/// a walk up a short superclass chain, where checking a protocol conformance searches the
/// runtime's conformance cache on each call (a quarter of a lookup's cost on lookup-heavy
/// streams).
open class DomainObject: @unchecked Sendable {
    public init() {}

    /// The object with this id, or `.null` when there is none; an error on every object but the
    /// workspace's.
    open func celLookup(_ kind: WorkspaceLookupKind, id: String) -> CELValue {
        .error(CELError("\(kind.functionName)() needs a workspace"))
    }
}

extension SchemaType {
    /// The CEL type of a schema type.
    public var celType: CELType {
        switch self {
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .timestamp: return .timestamp
        case .enumeration: return .string
        case .list(let element): return .list(element.celType)
        case .map(let key, let value): return .map(key.celType, value.celType)
        case .object(let name), .reference(let name): return .object(name)
        }
    }
}

extension DomainSchema {
    /// A CEL environment with the standard library and every domain type and lookup declared,
    /// but no variables: the compiler adds those per rule.
    public static func baseEnvironment() -> CELEnvironment {
        var environment = CELEnvironment()
        environment.rejectsInvalidRegexLiterals = true
        for type in types {
            environment.declareObjectType(type.name, fields: type.visibleFields.map { ($0.name, $0.type.celType) })
        }
        for kind in WorkspaceLookupKind.allCases {
            guard let function = workspace.functions.first(where: { $0.name == kind.functionName }) else { continue }
            let implementation = CELImplementation.binary { receiver, argument in
                guard case .object(let object) = receiver, let lookup = object as? DomainObject else {
                    return .error(CELError("\(kind.functionName)() needs a workspace"))
                }
                guard case .string(let id) = argument else { return .error(CELError("\(kind.functionName)() takes a string id")) }
                return lookup.celLookup(kind, id: id)
            }
            environment.declareFunction(
                kind.functionName,
                overloads: [
                    CELOverload(
                        "workspace_\(kind.functionName)_string", member: true,
                        [.object(workspace.name)] + function.parameters.map { $0.type.celType }, function.result.celType, implementation)
                ])
        }
        declareLabelFunction(in: &environment)
        return environment
    }
}

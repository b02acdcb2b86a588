import CEL

/// `label(object, "name")`: the value of one of an object's free-form labels, `""` when the
/// label is not written, and `""` for a `null` object (`workspace.user(event.user)` for an
/// unknown user). `user.labels["employment"]` fails when the key is absent; this is the safe way
/// to read an attribute that only some users, orgs or apps have.
///
/// Declared for every type of the schema with a `labels` field, by the field's index, so the
/// evaluation reads the field the checker resolved and never looks a name up.
extension DomainSchema {
    /// The function's name in CEL.
    public static let labelFunctionName = "label"

    /// Declares `label(object, name)` in `environment`.
    static func declareLabelFunction(in environment: inout CELEnvironment) {
        var overloads: [CELOverload] = []
        var indexes: [String: Int] = [:]
        for type in types {
            guard let index = type.fieldIndex("labels") else { continue }
            indexes[type.name] = index
            overloads.append(CELOverload(
                "label_\(type.name)_string", [.object(type.name), .string], .string,
                .binary { object, name in label(object, name) { _ in index } }))
        }
        let byType = indexes
        // When the checker cannot tell the type (a `null`, a `dyn`), the object's own type decides.
        let dynamic = CELImplementation.binary { object, name in label(object, name) { byType[$0.celTypeName] } }
        environment.declareFunction(labelFunctionName, overloads: overloads, dynamic: dynamic)
    }

    private static func label(_ object: CELValue, _ name: CELValue, index: (any CELObject) -> Int?) -> CELValue {
        guard case .string(let key) = name else { return .error(CELError("label() takes the label's name as a string")) }
        switch object {
        case .null:
            return .string("")
        case .object(let object):
            guard let index = index(object) else { return .error(CELError("a \(object.celTypeName) has no labels")) }
            guard case .map(let labels) = object.celField(index), let value = labels[.string(key)] else { return .string("") }
            return value
        default:
            return .error(CELError("label() reads the labels of a workspace, org, user, app, provider, account or subscription"))
        }
    }
}

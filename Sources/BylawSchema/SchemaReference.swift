/// Renders the domain schema as the Markdown reference in `docs/schema.md`.
///
/// The document is generated, never edited by hand: a test compares the file with this output
/// and `BYLAW_UPDATE_SCHEMA=1 swift test --filter SchemaGeneratedTests` rewrites it.
public enum SchemaReference {
    public static func markdown() -> String {
        var out = """
            # Domain schema

            <!-- Generated from Sources/BylawSchema/DomainSchema*.swift by SchemaReference; do not edit. -->

            The types policies see in CEL. References are objects (`org.parent` is an `Org`); an
            absent reference is `null` and `has()` is false for it. An absent scalar, list or map reads
            as its zero value (`""`, `0`, `false`, `[]`, `{}`, the 1970 epoch for a timestamp); `has()`
            tells whether it was written (for strings, lists and numbers: whether it is non-empty or
            non-zero, CEL's rule for proto3 fields). Selecting a field of `null` is an evaluation
            error, reported as a finding of kind `evaluation-error`, never read as "allowed".

            | variable | type | in rules `on:` |
            |---|---|---|
            | `event` | `Event` | `usage` |
            | `workspace` | `Workspace` | `usage`, `workspace` |
            | `before`, `after` | `Workspace` | `change` |


            """
        for type in DomainSchema.types {
            out += "## \(type.name)\n\n\(type.doc)\n\n| field | type | meaning |\n|---|---|---|\n"
            for field in type.visibleFields {
                out += "| `\(field.name)` | `\(field.type)` | \(field.doc) |\n"
            }
            if !type.functions.isEmpty {
                out += "\n| function | returns | meaning |\n|---|---|---|\n"
                for function in type.functions {
                    let parameters = function.parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
                    out += "| `\(type.name.lowercased()).\(function.name)(\(parameters))` | `\(function.result)` | \(function.doc) |\n"
                }
            }
            out += "\n"
        }
        out += values()
        return out
    }

    /// The known values of every enumeration, with the fields that take them.
    private static func values() -> String {
        var enums: [SchemaEnum] = []
        var fields: [SchemaEnum: [String]] = [:]
        for type in DomainSchema.types {
            for field in type.visibleFields {
                guard let values = field.type.enumeration else { continue }
                if fields[values] == nil { enums.append(values) }
                fields[values, default: []].append("`\(type.name).\(field.name)`")
            }
        }
        var out = """
            ## Values

            The fields that take one of a known set of values. A workspace config must write one of
            them (`workspace.unknown-enum` otherwise); a usage event may carry any other value, which
            passes through for the policies to judge.


            """
        for values in enums {
            out += "### \(values.noun.prefix(1).uppercased() + values.noun.dropFirst())\n\n"
            out += "\(fields[values, default: []].joined(separator: ", ")).\n\n| value | meaning |\n|---|---|\n"
            for value in values.values { out += "| `\(value.name)` | \(value.summary) |\n" }
            out += "\n"
        }
        return out
    }
}

import BylawPolicy
import BylawSource
import CEL

/// A value as an explanation shows it: written out for people (CEL's notation, objects by type
/// and id) and as JSON for tools, both cut short past a limit (a value may be a 64 MiB string
/// the budget allowed), or the error evaluating it gave, or why it was not worked out.
public enum ExplainedValue: Sendable, Equatable {
    case value(text: String, json: JSONValue)
    case error(String)
    /// Not evaluated, and why: evaluation never reached it, the explanation's budget was spent,
    /// or the part was too large to plan alone.
    case skipped(String)

    /// The most characters of text a value shows (the JSON holds as much, per string).
    public static let maxText = 160
    /// The most elements of a list or entries of a map shown.
    public static let maxElements = 20

    /// The value (or the error it is).
    public init(_ value: CELValue) {
        if case .error(let error) = value {
            self = .error(error.message)
            return
        }
        var text = ""
        Self.write(value, to: &text, depth: 0)
        if text.count > Self.maxText { text = String(text.prefix(Self.maxText)) + "…" }
        self = .value(text: text, json: Self.json(value, depth: 0))
    }

    /// A bool as itself, an error as its message, anything else as a value with no text: what
    /// test coverage reads, without writing every value out.
    public init(truthOf value: CELValue) {
        switch value {
        case .bool(let flag): self = .value(text: flag ? "true" : "false", json: .bool(flag))
        case .error(let error): self = .error(error.message)
        default: self = .value(text: "", json: .null)
        }
    }

    /// `true`/`false` for a bool value; nil otherwise.
    public var truth: Bool? {
        if case .value(_, .bool(let flag)) = self { return flag }
        return nil
    }

    /// The text people read: the value, `error: …`, or why it was not worked out.
    public var text: String {
        switch self {
        case .value(let text, _): return text
        case .error(let message): return "error: \(message)"
        case .skipped(let reason): return reason
        }
    }

    private static func write(_ value: CELValue, to out: inout String, depth: Int) {
        guard out.count <= maxText else { return }
        switch value {
        case .string(let text): out += celJSONString(String(text.prefix(maxText)))
        case .list(let items):
            out += "["
            for (index, item) in items.prefix(maxElements).enumerated() {
                if index > 0 { out += ", " }
                guard depth < 8 else { out += "…"; break }
                write(item, to: &out, depth: depth + 1)
            }
            if items.count > maxElements { out += ", … (\(items.count) in all)" }
            out += "]"
        case .map(let map):
            out += "{"
            for index in map.keys.indices.prefix(maxElements) {
                if index > 0 { out += ", " }
                guard depth < 8 else { out += "…"; break }
                write(map.keys[index], to: &out, depth: depth + 1)
                out += ": "
                write(map.values[index], to: &out, depth: depth + 1)
            }
            if map.count > maxElements { out += ", … (\(map.count) in all)" }
            out += "}"
        case .object(let object):
            if let identified = object as? any IdentifiedObject {
                out += object.celTypeName + " " + celJSONString(identified.celID)
            } else {
                out += object.celTypeName
            }
        case .timestamp, .duration:
            out += celJSONString(TemplateFormatting.text(of: value))
        case .optional(let optional):
            if let inner = optional.value { write(inner, to: &out, depth: depth + 1) } else { out += "none" }
        default:
            out += value.debugText
        }
    }

    private static func json(_ value: CELValue, depth: Int) -> JSONValue {
        guard depth < 8 else { return .string("…") }
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .uint(let number): return number <= UInt64(Int64.max) ? .int(Int64(number)) : .double(Double(number))
        case .double(let number): return number.isFinite ? .double(number) : .string(String(number))
        case .string(let text): return .string(text.utf8.count > 4 * maxText ? String(text.prefix(4 * maxText)) + "…" : text)
        case .bytes(let bytes): return .string(String(decoding: bytes.prefix(4 * maxText), as: UTF8.self))
        case .list(let items): return .array(items.prefix(maxElements).map { json($0, depth: depth + 1) } + (items.count > maxElements ? [.string("…")] : []))
        case .map(let map):
            return .object(map.keys.indices.prefix(maxElements).map { index in
                (TemplateFormatting.text(of: map.keys[index]), json(map.values[index], depth: depth + 1))
            })
        case .object(let object):
            var pairs: [(String, JSONValue)] = [("@type", .string(object.celTypeName))]
            if let identified = object as? any IdentifiedObject { pairs.append(("id", .string(identified.celID))) }
            return .object(pairs)
        case .error(let error): return .object([("error", .string(error.message))])
        case .optional(let optional): return optional.value.map { json($0, depth: depth + 1) } ?? .null
        case .timestamp, .duration, .type: return .string(TemplateFormatting.text(of: value))
        }
    }
}

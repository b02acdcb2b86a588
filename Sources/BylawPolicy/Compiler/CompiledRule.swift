import BylawSource
import CEL

/// A condition (or any expression of a rule) as the compiler leaves it: the checked tree, with
/// the type of every node and what every name resolved to (lists, macros, the rule's
/// variables), the program planned from it, and where each part is written.
///
/// A class: evaluation hands expressions around for every event (a message's placeholders, a
/// rule's conditions), and copying one costs one reference count rather than one per field.
public final class CompiledExpression: Sendable {
    /// The checked tree: what later stages analyse (the fields a rule reads, the kinds it can
    /// fire on), without parsing any text again.
    public let checked: CELCheckedExpr
    public let program: CELProgram
    let tree: ConditionTree
    /// The identifiers the expression mentions (for the compiler's constant-condition check).
    let names: Set<String>

    init(checked: CELCheckedExpr, program: CELProgram, tree: ConditionTree, names: Set<String>) {
        self.checked = checked
        self.program = program
        self.tree = tree
        self.names = names
    }

    /// Where the expression (or condition tree) is written in its policy file.
    public var span: SourceSpan { SourceSpan(file: tree.file, range: tree.fallback) }

    /// The policy file the expression is written in (without working out where in it).
    public var file: SourceFile { tree.file }

    /// The file position of a range reported by CEL at run time (an evaluation error).
    public func sourceSpan(of range: CELRange?) -> SourceSpan {
        guard let range else { return span }
        return SourceSpan(file: span.file, range: tree.sourceRange(of: range))
    }
}

/// Which activation slot holds each variable a rule can see. Slots differ between rules, since
/// each rule declares only the variables its trigger provides.
public struct RuleSlots: Sendable, Hashable {
    public var event: Int?
    public var workspace: Int?
    public var before: Int?
    public var after: Int?
    /// The `for:` variable.
    public var element: Int?
    /// How many slots an activation for this rule needs.
    public var count: Int
}

/// An exception attached to the rule it names.
public struct CompiledException: Sendable {
    public let declaration: ExceptionDecl
    /// The policy that declares the exception.
    public let policyID: String
    /// nil: applies everywhere.
    public let whereCondition: CompiledExpression?
    /// Expired on the compile date: reported by `bylaw check` and no longer applied.
    public let isExpired: Bool
}

/// A rule ready to evaluate.
///
/// A class, so that handing a rule to the runner for each event it is evaluated on costs one
/// reference count, not one for each of its fields.
public final class CompiledRule: Sendable {
    public let descriptor: RuleDescriptor
    public let declaration: RuleDecl
    public let slots: RuleSlots
    public let forCollection: CompiledExpression?
    public let whereCondition: CompiledExpression?
    public let mode: RuleMode
    public let condition: CompiledExpression
    public let message: CompiledTemplate?
    public let hint: CompiledTemplate?
    /// Exceptions in force (expired ones are left out).
    public let exceptions: [CompiledException]
    /// Exceptions past their expiry date: never applied, kept for reports that say what ended.
    public let expiredExceptions: [CompiledException]
    /// For `on: usage` rules: the event fields the rule reads, the kinds it can fire on and the
    /// placeholders that are plain field reads, worked out once from the checked trees.
    public let analysis: UsageRuleAnalysis?

    /// A rule of these parts (the compiler makes them; tests may too).
    public init(
        descriptor: RuleDescriptor, declaration: RuleDecl, slots: RuleSlots, forCollection: CompiledExpression?,
        whereCondition: CompiledExpression?, mode: RuleMode, condition: CompiledExpression, message: CompiledTemplate?,
        hint: CompiledTemplate?, exceptions: [CompiledException], expiredExceptions: [CompiledException], analysis: UsageRuleAnalysis?
    ) {
        self.descriptor = descriptor
        self.declaration = declaration
        self.slots = slots
        self.forCollection = forCollection
        self.whereCondition = whereCondition
        self.mode = mode
        self.condition = condition
        self.message = message
        self.hint = hint
        self.exceptions = exceptions
        self.expiredExceptions = expiredExceptions
        self.analysis = analysis
    }

    public var fullID: String { descriptor.fullID }
    public var trigger: RuleTrigger { descriptor.trigger }
}

/// A `message:` or `hint:` with its placeholders planned.
public struct CompiledTemplate: Sendable {
    public enum Part: Sendable {
        case literal(String)
        case expression(CompiledExpression)
    }

    public let parts: [Part]

    /// The text with each placeholder's value written in (see ``TemplateFormatting``).
    public func render(_ activation: CELActivation) -> String {
        // A plain text (most hints) is the text.
        if parts.count == 1, case .literal(let text) = parts[0] { return text }
        // The stream renders one message per finding: the pieces are gathered first, so that the
        // result is allocated once at its final size, and the parts are read in place rather
        // than copied out of the array.
        return parts.withUnsafeBufferPointer { parts in
            withUnsafeTemporaryAllocation(of: String.self, capacity: parts.count) { pieces in
                var length = 0
                for index in parts.indices {
                    let piece: String
                    switch parts[index] {
                    case .literal(let text): piece = text
                    case .expression(let expression): piece = TemplateFormatting.text(of: expression.program.evaluate(activation))
                    }
                    length += piece.utf8.count
                    pieces.initializeElement(at: index, to: piece)
                }
                defer { _ = pieces.extracting(0..<parts.count).deinitialize() }
                return String(unsafeUninitializedCapacity: length) { out in
                    var written = 0
                    for index in 0..<parts.count {
                        var piece = pieces[index]
                        piece.withUTF8 { bytes in
                            guard let source = bytes.baseAddress, let target = out.baseAddress, written + bytes.count <= out.count else { return }
                            (target + written).initialize(from: source, count: bytes.count)
                            written += bytes.count
                        }
                    }
                    return written
                }
            }
        }
    }
}

/// How a value prints inside a message: strings bare, objects by their `id`, lists joined with
/// ", ", timestamps in RFC 3339 (midnight UTC as a plain date), errors as `<error: …>` (the
/// finding is still reported).
public enum TemplateFormatting {
    /// The most a placeholder prints: a message is for people, and a list built of shared
    /// sub-lists can be exponentially longer than the memory it takes. Past it the text ends
    /// with `…`.
    public static let maxPlaceholderBytes = 64 << 10

    /// A double that prints as a whole number (no fraction): its integer value, or nil when it
    /// prints as Swift writes a `Double`.
    public static func wholeNumber(_ number: Double) -> Int64? {
        number == number.rounded() && abs(number) < 1e15 ? Int64(number) : nil
    }

    public static func text(of value: CELValue) -> String {
        var out = ""
        append(value, to: &out, limit: maxPlaceholderBytes)
        return out
    }

    /// Appends `value`'s text; false (after appending `…`) once `out` reached `limit` bytes.
    @discardableResult
    private static func append(_ value: CELValue, to out: inout String, limit: Int) -> Bool {
        guard out.utf8.count < limit else {
            out += "…"
            return false
        }
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .uint(let number): out += String(number)
        case .double(let number):
            if let whole = wholeNumber(number) { out += String(whole) } else { out += String(number) }
        case .string(let text): return appendCapped(text, to: &out, limit: limit)
        case .bytes(let bytes): return appendCapped(String(decoding: bytes, as: UTF8.self), to: &out, limit: limit)
        case .list(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                guard append(item, to: &out, limit: limit) else { return false }
            }
        case .map(let map):
            out += "{"
            for index in map.keys.indices {
                if index > 0 { out += ", " }
                guard append(map.keys[index], to: &out, limit: limit) else { return false }
                out += ": "
                guard append(map.values[index], to: &out, limit: limit) else { return false }
            }
            out += "}"
        case .timestamp(let timestamp):
            // A date written without a time (`offboarded_on: 2026-06-30`) prints as a date.
            let text = timestamp.rfc3339
            out += text.hasSuffix("T00:00:00Z") ? String(text.prefix(text.count - 10)) : text
        case .duration(let duration): out += duration.celString
        case .type(let type): out += type.runtimeName
        case .object(let object):
            if let identified = object as? any IdentifiedObject { out += identified.celID } else { out += object.celTypeName }
        case .error(let error): return appendCapped("<error: \(error.message)>", to: &out, limit: limit)
        case .optional(let optional):
            guard let inner = optional.value else {
                out += "none"
                return true
            }
            return append(inner, to: &out, limit: limit)
        }
        return true
    }

    /// Appends `text`, cut at a character boundary so that `out` stays within `limit` bytes.
    private static func appendCapped(_ text: String, to out: inout String, limit: Int) -> Bool {
        let room = limit - out.utf8.count
        if text.utf8.count <= room {
            out += text
            return true
        }
        var used = 0
        for character in text {
            let size = character.utf8.count
            guard used + size <= room else { break }
            out.append(character)
            used += size
        }
        out += "…"
        return false
    }
}

/// A domain object with an id, printed by it in messages.
public protocol IdentifiedObject: CELObject {
    var celID: String { get }
}

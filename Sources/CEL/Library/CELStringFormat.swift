/// `"template".format([args])` from cel-go's strings extension: printf-style clauses, each taking
/// the next argument of the list.
///
/// - `%s` any value but objects and optionals, as CEL text: lists `[a, b]` and maps `{k: v}`
///   (entries sorted by their key's text) formatted recursively, strings and bytes unquoted,
///   doubles positional (`3.14`, `NaN`, `Infinity`), timestamps RFC 3339, durations `"6347s"`;
/// - `%d` ints, uints and doubles in decimal;
/// - `%f` / `%e` ints, uints and doubles, fixed-point / scientific, with an optional precision
///   (`%.3f`; default 6, at most 100), rounded to nearest with ties to even;
/// - `%b` ints, uints and bools in binary, `%o` ints and uints in octal;
/// - `%x` / `%X` ints and uints in hex, strings and bytes as the hex of each byte;
/// - `%%` a percent sign.
///
/// Error messages are the ones cel-spec's conformance suite expects.
enum CELStringFormat {
    static let defaultPrecision = 6
    /// cel-go caps precision so that `%.9999999f` cannot allocate without bound.
    static let maxPrecision = 100
    /// Nesting of lists and maps that `%s` follows, like ``CELValue/jsonText(object:depth:)``.
    static let maxDepth = 256

    /// The formatted string, or an error value; nil when the text would pass `maxBytes` (lists
    /// built of shared sub-lists can print far larger than they are in memory).
    static func format(_ template: String, _ args: [CELValue], maxBytes: Int = .max, maxElements: Int = .max) -> CELValue? {
        var room = Room(bytes: maxBytes, elements: maxElements)
        do {
            return .string(try render(template, args, room: &room))
        } catch {
            return error.tooLarge ? nil : .fail(error.message)
        }
    }

    private enum Clause {
        case string, decimal, fixed(Int), scientific(Int), binary, hex(uppercase: Bool), octal
    }

    private struct Failure: Error {
        let message: String
        /// The output would pass the byte limit.
        var tooLarge = false
        init(_ message: String) { self.message = message }
        static let overLimit: Failure = {
            var failure = Failure("formatted text too large")
            failure.tooLarge = true
            return failure
        }()
    }

    /// What the output may still grow by, and how many more list elements and map entries
    /// `%s` may visit.
    private struct Room {
        var bytes: Int
        var elements: Int
    }

    private static func render(_ template: String, _ args: [CELValue], room: inout Room) throws(Failure) -> String {
        let scalars = Array(template.unicodeScalars)
        // A String, not a scalar view: a clause's text is appended as bytes, not scalar by scalar.
        var out = ""
        var i = 0
        var argIndex = 0
        while i < scalars.count {
            guard scalars[i] == "%" else {
                out.unicodeScalars.append(scalars[i])
                i += 1
                continue
            }
            if i + 1 < scalars.count, scalars[i + 1] == "%" {
                out.append("%")
                i += 2
                continue
            }
            // cel-go fetches the argument before it looks at the clause, so a missing argument
            // wins over a malformed clause.
            guard argIndex < args.count else { throw Failure("index \(argIndex) out of range") }
            guard i + 1 < scalars.count else { throw Failure("unexpected end of string") }
            let parsed: (clause: Clause, next: Int)
            do {
                parsed = try parseClause(scalars, at: i + 1)
            } catch {
                throw Failure("could not parse formatting clause: " + error.message)
            }
            do {
                out += try apply(parsed.clause, to: args[argIndex], room: &room)
            } catch {
                throw error.tooLarge ? error : Failure("error during formatting: " + error.message)
            }
            argIndex += 1
            i = parsed.next
        }
        return out
    }

    /// The clause starting at `start` (just after its `%`) and the index after it.
    private static func parseClause(_ scalars: [Unicode.Scalar], at start: Int) throws(Failure) -> (Clause, Int) {
        var i = start
        var precision = defaultPrecision
        if scalars[i] == "." {
            i += 1
            var text = ""
            while true {
                guard i < scalars.count else {
                    throw Failure("error while parsing precision: could not find end of precision specifier")
                }
                guard ("0"..."9").contains(scalars[i]) else { break }
                text.unicodeScalars.append(scalars[i])
                i += 1
            }
            guard !text.isEmpty else { throw Failure("error while parsing precision: no digits after \".\"") }
            guard let value = Int(text), value <= maxPrecision else {
                throw Failure("error while parsing precision: precision \(text) exceeds maximum allowed precision \(maxPrecision)")
            }
            precision = value
        }
        let verb = scalars[i]
        let clause: Clause
        switch verb {
        case "s": clause = .string
        case "d": clause = .decimal
        case "f": clause = .fixed(precision)
        case "e": clause = .scientific(precision)
        case "b": clause = .binary
        case "x": clause = .hex(uppercase: false)
        case "X": clause = .hex(uppercase: true)
        case "o": clause = .octal
        default: throw Failure("unrecognized formatting clause \"\(verb)\"")
        }
        return (clause, i + 1)
    }

    private static func apply(_ clause: Clause, to value: CELValue, room: inout Room) throws(Failure) -> String {
        switch clause {
        case .string:
            var out = ""
            try appendText(of: value, to: &out, depth: 0, room: &room)
            return out
        case .decimal:
            switch value {
            case .int(let i): return String(i)
            case .uint(let u): return String(u)
            case .double(let d): return nonFiniteName(d) ?? DecimalDigits.shortestPositional(d)
            default: throw Failure("decimal clause can only be used on integers, was given \(typeName(value))")
            }
        case .fixed(let places):
            guard let d = number(value) else {
                throw Failure("fixed-point clause can only be used on doubles, was given \(typeName(value))")
            }
            return nonFiniteName(d) ?? DecimalDigits.fixed(d, places: places)
        case .scientific(let places):
            guard let d = number(value) else {
                throw Failure("scientific clause can only be used on doubles, was given \(typeName(value))")
            }
            return nonFiniteName(d) ?? DecimalDigits.scientific(d, places: places)
        case .binary:
            switch value {
            case .bool(let b): return b ? "1" : "0"
            case .int(let i): return String(i, radix: 2)
            case .uint(let u): return String(u, radix: 2)
            default: throw Failure("only integers and bools can be formatted as binary, was given \(typeName(value))")
            }
        case .hex(let uppercase):
            switch value {
            case .int(let i): return String(i, radix: 16, uppercase: uppercase)
            case .uint(let u): return String(u, radix: 16, uppercase: uppercase)
            case .string(let s): return hex(s.utf8, uppercase: uppercase)
            case .bytes(let b): return hex(b, uppercase: uppercase)
            default:
                throw Failure("only integers, byte buffers, and strings can be formatted as hex, was given \(typeName(value))")
            }
        case .octal:
            switch value {
            case .int(let i): return String(i, radix: 8)
            case .uint(let u): return String(u, radix: 8)
            default: throw Failure("octal clause can only be used on integers, was given \(typeName(value))")
            }
        }
    }

    /// `%s`: appends a value's text; lists and maps recurse.
    private static func appendText(of value: CELValue, to out: inout String, depth: Int, room: inout Room) throws(Failure) {
        guard depth < maxDepth else { throw Failure("value nested more than \(maxDepth) levels deep") }
        // Lists and maps pay for their punctuation up front and their elements as each is
        // appended, so the limit holds however the value nests or shares sub-lists.
        let before = out.utf8.count
        switch value {
        case .list(let items):
            room.bytes -= 2 * items.count + 2
            room.elements -= items.count
        case .map(let map):
            room.bytes -= 4 * map.count + 2
            room.elements -= map.count
        default: break
        }
        defer { if !value.isAggregate { room.bytes -= out.utf8.count - before } }
        if room.bytes < 0 || room.elements < 0 { throw Failure.overLimit }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u)
        case .double(let d): out += nonFiniteName(d) ?? DecimalDigits.shortestPositional(d)
        case .string(let s): out += s
        case .bytes(let b): out += String(decoding: b, as: UTF8.self)
        case .timestamp(let t): out += t.rfc3339
        case .duration(let d): out += d.celString
        case .type(let t): out += t.runtimeName
        case .list(let items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += ", " }
                try appendText(of: item, to: &out, depth: depth + 1, room: &room)
            }
            out += "]"
        case .map(let map):
            var entries: [(key: String, value: String)] = []
            for (key, entryValue) in zip(map.keys, map.values) {
                var keyText = "", valueText = ""
                try appendText(of: key, to: &keyText, depth: depth + 1, room: &room)
                try appendText(of: entryValue, to: &valueText, depth: depth + 1, room: &room)
                entries.append((keyText, valueText))
            }
            // cel-go sorts by the keys' text, byte by byte; equal texts ("1" and 1) keep the
            // map's order.
            let order = entries.indices.sorted { a, b in
                let (x, y) = (entries[a].key.utf8, entries[b].key.utf8)
                return x.elementsEqual(y) ? a < b : x.lexicographicallyPrecedes(y)
            }
            out += "{" + order.map { entries[$0].key + ": " + entries[$0].value }.joined(separator: ", ") + "}"
        case .error(let e): throw Failure(e.message)
        case .object, .optional:
            throw Failure("string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, "
                + "durations, and timestamps, was given \(typeName(value))")
        }
    }

    /// Ints and uints widen to double for `%f` and `%e`, as cel-go converts them.
    private static func number(_ value: CELValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .uint(let u): Double(u)
        case .double(let d): d
        default: nil
        }
    }

    /// CEL's spellings, which every numeric clause uses instead of printf's `NaN` / `+Inf`.
    private static func nonFiniteName(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    private static func hex(_ bytes: some Sequence<UInt8>, uppercase: Bool) -> String {
        let alphabet = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(alphabet[Int(byte >> 4)])
            out.append(alphabet[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The type name cel-go puts in its messages (`string`, `null_type`, `google.protobuf.Duration`).
    private static func typeName(_ value: CELValue) -> String { value.celType.runtimeName }
}

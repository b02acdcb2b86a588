/// cel-go's `strings` extension (enabled by default in Bylaw): code-point indexing, case mapping
/// of ASCII letters, replace, split, join, trim, reverse, `format` and `strings.quote`.
extension CELStandardLibrary {
    static func installStringExt(into env: inout CELEnvironment) {
        let s = CELType.string, i = CELType.int
        func member(_ name: String, _ overloads: [(String, [CELType], CELType)], _ impl: CELImplementation) {
            env.declareFunction(name, overloads: overloads.map { o($0.0, $0.1, $0.2, member: true) }, dynamic: impl)
        }
        member("charAt", [("string_char_at_int", [s, i], s)], .binary(charAt))
        member("indexOf", [("string_index_of_string", [s, s], i), ("string_index_of_string_int", [s, s, i], i)],
               .variadic { indexOf($0, last: false) })
        member("lastIndexOf", [("string_last_index_of_string", [s, s], i), ("string_last_index_of_string_int", [s, s, i], i)],
               .variadic { indexOf($0, last: true) })
        member("lowerAscii", [("string_lower_ascii", [s], s)], .unary(mapASCII(upper: false)))
        member("upperAscii", [("string_upper_ascii", [s], s)], .unary(mapASCII(upper: true)))
        member("replace", [("string_replace_string_string", [s, s, s], s), ("string_replace_string_string_int", [s, s, s, i], s)],
               .metered(replace))
        member("split", [("string_split_string", [s, s], .list(s)), ("string_split_string_int", [s, s, i], .list(s))],
               .variadic(split))
        member("substring", [("string_substring_int", [s, i], s), ("string_substring_int_int", [s, i, i], s)], .variadic(substring))
        member("trim", [("string_trim", [s], s)], .unary(trim))
        member("reverse", [("string_reverse", [s], s)], .unary(reverse))
        member("join", [("list_join", [.list(s)], s), ("list_join_string", [.list(s), s], s)], .variadic(join))
        member("format", [("string_format", [s, .list(.dyn)], s)], .metered(format))
        env.declareFunction("strings.quote", overloads: [o("strings_quote", [s], s)], dynamic: .unary(quote))
    }

    @Sendable static func charAt(_ a: CELValue, _ b: CELValue) -> CELValue {
        guard case .string(let text) = a, case .int(let index) = b else { return .noSuchOverload }
        let points = CodePoints(text)
        guard index >= 0, index <= points.count else { return .fail("index out of range: \(index)") }
        return .string(points.text(Int(index)..<min(Int(index) + 1, points.count)))
    }

    /// `indexOf` / `lastIndexOf` in code points, searching the UTF-8 bytes in linear time (a
    /// match of valid UTF-8 in valid UTF-8 always starts and ends on code point boundaries).
    @Sendable static func indexOf(_ args: [CELValue], last: Bool) -> CELValue {
        guard (2...3).contains(args.count), case .string(let source) = args[0], case .string(let sub) = args[1] else { return .noSuchOverload }
        let text = CodePoints(source)
        let (bytes, starts) = (text.bytes, text.starts)
        var start = last ? text.count : 0
        if args.count == 3 {
            guard case .int(let s) = args[2] else { return .noSuchOverload }
            guard s >= 0, s <= text.count else { return .fail("index out of range: \(s)") }
            start = Int(s)
        }
        let needle = Array(sub.utf8)
        if needle.isEmpty { return .int(Int64(start)) }
        let startByte = starts[start]
        let found: Int?
        if last {
            // An occurrence starting at or before `start` ends by `startByte + needle.count`.
            let end = min(startByte + needle.count, bytes.count)
            found = ByteSearch(needle.reversed()).firstOffset(in: bytes[..<end].reversed()).map { end - $0 - needle.count }
        } else {
            found = ByteSearch(needle).firstOffset(in: bytes, after: startByte)
        }
        guard let found else { return .int(-1) }
        return .int(Int64(Self.lowerBound(of: found, in: starts)))
    }

    /// The index of the first element of the sorted `values` not below `value`.
    private static func lowerBound(of value: Int, in values: [Int]) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func mapASCII(upper: Bool) -> @Sendable (CELValue) -> CELValue {
        { v in
            guard case .string(let text) = v else { return .noSuchOverload }
            let bytes = text.utf8.map { b -> UInt8 in
                if upper, b >= 0x61, b <= 0x7A { return b - 0x20 }
                if !upper, b >= 0x41, b <= 0x5A { return b + 0x20 }
                return b
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Metered: replacing every code point of a long text with a long string is quadratic in
    /// what the arguments cost, so the result's size is reserved before it is built.
    @Sendable static func replace(_ args: [CELValue], _ meter: inout CELMeter) -> CELValue {
        guard (3...4).contains(args.count), case .string(let text) = args[0], case .string(let old) = args[1],
              case .string(let new) = args[2] else { return .noSuchOverload }
        var limit = -1
        if args.count == 4 {
            guard case .int(let n) = args[3] else { return .noSuchOverload }
            limit = Int(clamping: n)
        }
        guard meter.reserve(bytes: CELStrings.replacedSize(text, old, new, limit: limit)) else { return meter.exceeded(.memory) }
        return .string(CELStrings.replace(text, old, new, limit: limit))
    }

    @Sendable static func split(_ args: [CELValue]) -> CELValue {
        guard (2...3).contains(args.count), case .string(let text) = args[0], case .string(let sep) = args[1] else { return .noSuchOverload }
        var limit = -1
        if args.count == 3 {
            guard case .int(let n) = args[2] else { return .noSuchOverload }
            limit = Int(clamping: n)
        }
        return .list(CELStrings.split(text, sep, limit: limit).map { .string($0) })
    }

    @Sendable static func substring(_ args: [CELValue]) -> CELValue {
        guard (2...3).contains(args.count), case .string(let source) = args[0], case .int(let start) = args[1] else { return .noSuchOverload }
        let text = CodePoints(source)
        var end = Int64(text.count)
        if args.count == 3 {
            guard case .int(let e) = args[2] else { return .noSuchOverload }
            end = e
        }
        guard start >= 0, start <= text.count else { return .fail("index out of range: \(start)") }
        guard end >= 0, end <= text.count else { return .fail("index out of range: \(end)") }
        guard start <= end else { return .fail("invalid substring range. start: \(start), end: \(end)") }
        return .string(text.text(Int(start)..<Int(end)))
    }

    /// Walks in from both ends on the scalar view: no copy of the text.
    @Sendable static func trim(_ v: CELValue) -> CELValue {
        guard case .string(let source) = v else { return .noSuchOverload }
        let text = source.unicodeScalars
        guard let first = text.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = text.lastIndex(where: { !$0.properties.isWhitespace }) else { return .string("") }
        return .string(String(text[first...last]))
    }

    /// Copies each code point's bytes, last first.
    @Sendable static func reverse(_ v: CELValue) -> CELValue {
        guard case .string(var text) = v else { return .noSuchOverload }
        let reversed = text.withUTF8 { bytes -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var end = bytes.count
            var i = bytes.count - 1
            while i >= 0 {
                if bytes[i] & 0xC0 != 0x80 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    end = i
                }
                i -= 1
            }
            return out
        }
        return .string(String(decoding: reversed, as: UTF8.self))
    }

    @Sendable static func join(_ args: [CELValue]) -> CELValue {
        guard (1...2).contains(args.count), case .list(let items) = args[0] else { return .noSuchOverload }
        var separator = ""
        if args.count == 2 {
            guard case .string(let s) = args[1] else { return .noSuchOverload }
            separator = s
        }
        var out = ""
        for (n, item) in items.enumerated() {
            guard case .string(let s) = item else { return .noSuchOverload }
            if n > 0 { out += separator }
            out += s
        }
        return .string(out)
    }

    /// Metered: `%s` of a list built from shared sub-lists prints far more than the list holds,
    /// so the text may only grow to what the memory budget has left.
    @Sendable static func format(_ args: [CELValue], _ meter: inout CELMeter) -> CELValue {
        guard args.count == 2, case .string(let text) = args[0], case .list(let items) = args[1] else { return .noSuchOverload }
        guard let result = CELStringFormat.format(text, items, maxBytes: meter.memoryAvailable, maxElements: meter.iterationsAvailable),
              meter.charge(built: result) else { return meter.exceeded(.memory) }
        return result
    }

    @Sendable static func quote(_ v: CELValue) -> CELValue {
        guard case .string(let text) = v else { return .noSuchOverload }
        return .string(CELStrings.quoted(text))
    }
}

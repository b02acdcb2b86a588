/// The JSON scanner behind ``UsageEventScanner``: one pass over one line's bytes.
///
/// Offsets are byte offsets in the line; a failure carries the offset of the offending byte
/// (or of the value or key concerned) and ``UsageEventScanner`` turns it into a column.
struct EventLineParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    let fields: UsageEventFields
    let maxDepth: Int
    var scratch: [UInt8]
    /// The previous lines' keys by position (``EventKeyGuess``), updated as keys are scanned.
    var guesses: [EventKeyGuess]
    var index = 0
    /// Known fields met so far, `null` included (for duplicates).
    var seen: UInt32 = 0
    /// Known fields met with a value other than `null`.
    var present: UInt32 = 0

    init(base: UnsafePointer<UInt8>, count: Int, fields: UsageEventFields, maxDepth: Int, scratch: [UInt8], guesses: [EventKeyGuess]) {
        self.base = base
        self.count = count
        self.fields = fields
        self.maxDepth = maxDepth
        self.scratch = scratch
        self.guesses = guesses
    }

    /// Parses the line; `false` when it is blank (only spaces and tabs). A line of whitespace
    /// holding a CR is not blank: JSON needs a value, and only the CR of a CRLF terminator,
    /// which the reader dropped, makes a line end.
    mutating func parseLine(into event: inout UsageEvent) throws(ScanFailure) -> Bool {
        skipWhitespace()
        guard index < count else {
            if let carriageReturn = (0..<count).first(where: { base[$0] == 0x0D }) {
                throw ScanFailure(
                    .invalidJSON, at: carriageReturn,
                    "expected a JSON object, found only whitespace with a carriage return (\\r); a blank line holds only spaces and tabs")
            }
            return false
        }
        if base[index] != UInt8(ascii: "{") {
            let start = index
            try skipValue(depth: 1)
            try expectEnd()
            throw ScanFailure(.notAnObject, at: start, "an event must be a JSON object, found \(describeValue(at: start))")
        }
        try parseObject(nil, depth: 1, into: &event)
        try expectEnd()
        event.present = UsageEventFields(rawValue: present)
        return true
    }

    private mutating func expectEnd() throws(ScanFailure) {
        skipWhitespace()
        if index < count {
            throw unexpected("after the end of the event object (one JSON object per line)")
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // Most events have no whitespace between tokens: one comparison decides.
        if index < count, base[index] > 0x20 { return }
        while index < count {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            index += 1
        }
    }

    /// Parses the members of an object at `index` (on its `{`): the line's object when
    /// `object` is `nil`, else one of the known nested objects.
    mutating func parseObject(_ object: UsageEventField?, depth: Int, into event: inout UsageEvent) throws(ScanFailure) {
        index += 1
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        let guessBase = EventKeyGuess.base(of: object)
        var position = 0
        while true {
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw unexpected("where a field name in double quotes was expected")
            }
            let keyStart = index
            let field: UsageEventField?
            let guessed = position < EventKeyGuess.perObject && index + 16 <= count
                && guesses[guessBase + position].matches(loadWord(at: index), loadWord(at: index + 8))
            if guessed {
                let guess = guesses[guessBase + position]
                field = guess.field
                index += guess.length
            } else {
                field = try scanKey(in: object)
                skipWhitespace()
                guard index < count, base[index] == UInt8(ascii: ":") else {
                    throw unexpected("where ':' was expected after a field name")
                }
                index += 1
                if position < EventKeyGuess.perObject {
                    guesses[guessBase + position] = EventKeyGuess(base + keyStart, length: index - keyStart, field: field) ?? .empty
                }
            }
            position += 1
            skipWhitespace()
            if let field {
                let bit: UInt32 = 1 << UInt32(field.rawValue)
                if seen & bit != 0 { throw duplicate(field, at: keyStart) }
                seen |= bit
                // The common values (a string, a non-negative integer, a known object) are parsed
                // here rather than one or two calls down: about 50 instructions saved per value.
                let first = index < count ? base[index] : 0
                if field.valueKind == .string, first == UInt8(ascii: "\"") {
                    try parseStringField(field, into: &event)
                    present |= bit
                } else if field.valueKind == .integer, first &- 0x30 < 10 {
                    event.setInteger(field, try parseInteger(field))
                    present |= bit
                } else if field.valueKind == .object, first == UInt8(ascii: "{"), depth + 1 <= maxDepth {
                    try parseObject(field, depth: depth + 1, into: &event)
                    present |= bit
                } else {
                    try parseKnownValue(field, depth: depth + 1, into: &event)
                }
            } else {
                try skipValue(depth: depth + 1)
            }
            skipWhitespace()
            guard index < count else { throw unexpected("where ',' or '}' was expected") }
            let byte = base[index]
            index += 1
            if byte == UInt8(ascii: ",") {
                skipWhitespace()
                continue
            }
            if byte == UInt8(ascii: "}") { return }
            index -= 1
            throw unexpected("where ',' or '}' was expected")
        }
    }

    /// Parses the value of a known field at `index`, checking its type.
    private mutating func parseKnownValue(_ field: UsageEventField, depth: Int, into event: inout UsageEvent) throws(ScanFailure) {
        guard index < count else { throw unexpected("where a value was expected") }
        let start = index
        let byte = base[index]
        if byte == UInt8(ascii: "n") {
            try skipLiteral("null")
            return
        }
        switch field.valueKind {
        case .string:
            guard byte == UInt8(ascii: "\"") else { throw try wrongType(field, expected: "a string", at: start, depth: depth) }
            try parseStringField(field, into: &event)
        case .integer:
            guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
                throw try wrongType(field, expected: "an integer", at: start, depth: depth)
            }
            event.setInteger(field, try parseInteger(field))
        case .decimal:
            guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
                throw try wrongType(field, expected: "a number", at: start, depth: depth)
            }
            event.setDecimal(field, try parseDecimal(field))
            if fields.contains(field) { event.setSlot(field, start: start, count: index - start) }
        case .object:
            guard byte == UInt8(ascii: "{") else { throw try wrongType(field, expected: "an object", at: start, depth: depth) }
            guard depth <= maxDepth else { throw tooDeep(at: start) }
            try parseObject(field, depth: depth, into: &event)
        }
        present |= 1 << UInt32(field.rawValue)
    }

    /// A wrong-type failure, after checking the value is at least valid JSON (a broken value is
    /// reported as such, not as a type error).
    @inline(never)
    private mutating func wrongType(_ field: UsageEventField, expected: String, at start: Int, depth: Int) throws(ScanFailure) -> ScanFailure {
        try skipValue(depth: depth)
        return ScanFailure(.wrongType, at: start, field: field, "field '\(field.path)' must be \(expected), found \(describeValue(at: start))")
    }

    @inline(__always)
    private mutating func parseStringField(_ field: UsageEventField, into event: inout UsageEvent) throws(ScanFailure) {
        index += 1
        let bodyStart = index
        let escaped = try scanStringBody()
        let bodyCount = index - 1 - bodyStart
        if field == .time || escaped {
            try finishStringField(field, bodyStart, bodyCount, escaped: escaped, into: &event)
            return
        }
        // The line's bytes are the first bytes of `event.text`.
        if fields.contains(field) { event.setValidatedSlot(field, start: bodyStart, count: bodyCount) }
    }

    /// The rest of ``parseStringField(_:into:)`` for `time` and for strings with escapes, out
    /// of line so that the plain case stays small enough to inline.
    @inline(never)
    private mutating func finishStringField(_ field: UsageEventField, _ bodyStart: Int, _ bodyCount: Int, escaped: Bool, into event: inout UsageEvent) throws(ScanFailure) {
        if field == .time { try parseTime(bodyStart, bodyCount, escaped: escaped, into: &event) }
        guard fields.contains(field) else { return }
        if escaped {
            let start = event.text.count
            decodeEscapes(UnsafeBufferPointer(start: base + bodyStart, count: bodyCount), into: &event.text)
            event.setSlot(field, start: start, count: event.text.count - start)
        } else {
            // The line's bytes are the first bytes of `event.text`.
            event.setValidatedSlot(field, start: bodyStart, count: bodyCount)
        }
    }

    private mutating func parseTime(_ bodyStart: Int, _ bodyCount: Int, escaped: Bool, into event: inout UsageEvent) throws(ScanFailure) {
        let timestamp: EventTimestamp?
        if escaped {
            scratch.removeAll(keepingCapacity: true)
            decodeEscapes(UnsafeBufferPointer(start: base + bodyStart, count: bodyCount), into: &scratch)
            timestamp = scratch.withUnsafeBufferPointer { EventTimestamp(rfc3339: $0) }
        } else {
            timestamp = EventTimestamp(rfc3339: UnsafeBufferPointer(start: base + bodyStart, count: bodyCount))
        }
        guard let timestamp else { throw invalidTime(at: bodyStart - 1) }
        guard timestamp.isInCELRange else { throw timeOutOfRange(at: bodyStart - 1) }
        event.timestamp = timestamp
    }

    @inline(never)
    private func timeOutOfRange(at offset: Int) -> ScanFailure {
        ScanFailure(
            .invalidValue, at: offset, field: .time,
            "field 'time' must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z (in UTC), found \(describeValue(at: offset))")
    }

    @inline(never)
    private func invalidTime(at offset: Int) -> ScanFailure {
        ScanFailure(.invalidValue, at: offset, field: .time, "field 'time' must be an RFC 3339 date-time such as \"2026-03-01T09:30:00Z\", found \(describeValue(at: offset))")
    }

    @inline(never)
    private func duplicate(_ field: UsageEventField, at offset: Int) -> ScanFailure {
        ScanFailure(.duplicateField, at: offset, field: field, "field '\(field.path)' appears twice")
    }

    @inline(never)
    func tooDeep(at offset: Int) -> ScanFailure {
        ScanFailure(.tooDeep, at: offset, "nesting deeper than \(maxDepth) levels")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawEval
import BylawPolicy
import BylawSource

/// Writes lent stream violations (``StreamViolation``) as NDJSON lines: byte for byte the line
/// ``Finding/writeNDJSON(to:fragments:)`` writes for ``StreamViolation/finding``, from a rule's
/// pieces encoded once (the head up to the message, the hint up to the path, kept by the
/// rule's number) and the message and event id escaped from the decider's bytes. Writing a
/// line allocates nothing once the line buffer and the pieces exist.
struct NDJSONViolationWriter {
    /// One rule's pieces, each with what it was encoded from (checked before it is reused).
    private final class RulePieces {
        let fullID: String
        let policyID: String
        let idsAreASCII: Bool
        let enforcement: Enforcement
        let head: [UInt8]
        /// The hint's UTF-8 as last written (nil: no hint) and `,"hint":…,"location":{"file":`.
        var hint: [UInt8]?
        var hintPiece: [UInt8]

        init(rule: RuleDescriptor, enforcement: Enforcement, hint: [UInt8]?, hintPiece: [UInt8]) {
            (fullID, policyID, self.enforcement, self.hint, self.hintPiece) = (rule.fullID, rule.policyID, enforcement, hint, hintPiece)
            idsAreASCII = NDJSONFragments.isASCII(rule.fullID) && NDJSONFragments.isASCII(rule.policyID)
            head = NDJSONFragments.encodeHead(rule: rule, kind: .violation, enforcement: enforcement)
        }
    }

    private var rules: [RulePieces?] = []

    /// Rule numbers past this many are encoded without keeping their pieces.
    private static let maxRules = 4096

    /// Appends the violation's NDJSON line (with its newline) to `out`; the path's encoding is
    /// shared with `fragments`.
    mutating func write(_ violation: StreamViolation, to out: inout [UInt8], fragments: inout NDJSONFragments) {
        let pieces = self.pieces(for: violation)
        violation.withHintUTF8 { hint in
            if !Self.same(pieces.hint, hint) {
                pieces.hint = hint.map(Array.init)
                pieces.hintPiece = NDJSONFragments.encodeHint(utf8: hint)
            }
        }
        let path = fragments.encodedPath(violation.inputPath)
        let line = violation.line
        // One reservation for the whole line, then plain stores (``JSONByteWriter``): the same
        // bytes as `Finding.writeNDJSON`, head, message, hint, location, event, and `}` with the
        // newline.
        violation.withMessageUTF8 { message in
            violation.withIDUTF8 { id in
                let bound = pieces.head.count + JSONByteWriter.stringBound(message.count) + pieces.hintPiece.count
                    + NDJSONFragments.streamLocationBound(path: path) + NDJSONFragments.eventBound(id: id) + 2
                JSONByteWriter.append(to: &out, reserving: bound) { writer in
                    writer.write(pieces.head)
                    writer.writeString(utf8: message)
                    writer.write(pieces.hintPiece)
                    NDJSONFragments.writeStreamLocation(path: path, line: line, to: &writer)
                    NDJSONFragments.writeEvent(line: line, id: id, to: &writer)
                    writer.write("}\n")
                }
            }
        }
    }

    /// The rule's pieces, made afresh when the rule number held another rule's.
    private mutating func pieces(for violation: StreamViolation) -> RulePieces {
        let number = violation.ruleNumber
        let rule = violation.rule
        if rules.indices.contains(number), let pieces = rules[number], pieces.enforcement == violation.enforcement,
           NDJSONFragments.same(pieces.fullID, isASCII: pieces.idsAreASCII, rule.fullID),
           NDJSONFragments.same(pieces.policyID, isASCII: pieces.idsAreASCII, rule.policyID) {
            return pieces
        }
        var hint: [UInt8]?
        var hintPiece: [UInt8] = []
        violation.withHintUTF8 { bytes in
            hint = bytes.map(Array.init)
            hintPiece = NDJSONFragments.encodeHint(utf8: bytes)
        }
        let pieces = RulePieces(rule: rule, enforcement: violation.enforcement, hint: hint, hintPiece: hintPiece)
        if number >= 0, number < Self.maxRules {
            if number >= rules.count { rules.append(contentsOf: repeatElement(nil, count: number + 1 - rules.count)) }
            rules[number] = pieces
        }
        return pieces
    }

    /// Whether `cached` holds exactly the bytes of `hint` (both nil counts).
    private static func same(_ cached: [UInt8]?, _ hint: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let cached, let hint else { return cached == nil && hint == nil }
        guard cached.count == hint.count else { return false }
        // memcmp: a generic byte loop here cost more than the rest of the hint's handling.
        return cached.withUnsafeBufferPointer { cached in
            guard let left = cached.baseAddress, let right = hint.baseAddress else { return true }
            return memcmp(left, right, hint.count) == 0
        }
    }
}

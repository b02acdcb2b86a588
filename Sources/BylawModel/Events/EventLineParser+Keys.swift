#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLineParser {
    /// Scans a field name at `index` (on its quote) and returns the known field it names in
    /// `object` (`nil` for the line's object), or `nil` for an unknown field.
    mutating func scanKey(in object: UsageEventField?) throws(ScanFailure) -> UsageEventField? {
        index += 1
        let start = index
        let escaped = try scanStringBody()
        guard escaped else { return Self.field(named: base + start, count: index - 1 - start, in: object) }
        // A name written with escapes (`"\u0069d"`) is still the same name.
        scratch.removeAll(keepingCapacity: true)
        decodeEscapes(UnsafeBufferPointer(start: base + start, count: index - 1 - start), into: &scratch)
        return scratch.withUnsafeBufferPointer { name in
            guard let pointer = name.baseAddress else { return nil }
            return Self.field(named: pointer, count: name.count, in: object)
        }
    }

    /// The known field called `name` in `object`: dispatch on length and first byte, then one
    /// comparison.
    @inline(__always)
    static func field(named name: UnsafePointer<UInt8>, count: Int, in object: UsageEventField?) -> UsageEventField? {
        func check(_ expected: StaticString, _ field: UsageEventField) -> UsageEventField? {
            expected.utf8CodeUnitCount == count && memcmp(name, expected.utf8Start, count) == 0 ? field : nil
        }
        guard count > 0 else { return nil }
        let first = name[0]
        switch object {
        case nil:
            switch count {
            case 2: return check("id", .id)
            case 3: return first == UInt8(ascii: "o") ? check("org", .org) : check("app", .app)
            case 4:
                switch first {
                case UInt8(ascii: "t"): return check("time", .time)
                case UInt8(ascii: "k"): return check("kind", .kind)
                case UInt8(ascii: "u"): return check("user", .user)
                case UInt8(ascii: "c"): return check("cost", .cost)
                default: return nil
                }
            case 5: return first == UInt8(ascii: "s") ? check("scope", .scope) : check("model", .model)
            case 6: return count > 1 && name[1] == UInt8(ascii: "o") ? check("tokens", .tokens) : check("target", .target)
            case 8:
                switch first {
                case UInt8(ascii: "p"): return check("provider", .provider)
                case UInt8(ascii: "a"): return check("artifact", .artifact)
                case UInt8(ascii: "c"): return check("category", .category)
                default: return nil
                }
            case 11: return check("destination", .destination)
            case 12: return check("subscription", .subscription)
            default: return nil
            }
        case .tokens?:
            return first == UInt8(ascii: "i") ? check("in", .tokensIn) : check("out", .tokensOut)
        case .cost?:
            return first == UInt8(ascii: "a") ? check("amount", .costAmount) : check("currency", .costCurrency)
        case .artifact?:
            return first == UInt8(ascii: "t") ? check("type", .artifactType) : check("classification", .artifactClassification)
        case .destination?:
            return first == UInt8(ascii: "k") ? check("kind", .destinationKind) : check("app", .destinationApp)
        case .target?:
            switch first {
            case UInt8(ascii: "s"): return check("scope", .targetScope)
            case UInt8(ascii: "o"): return check("org", .targetOrg)
            case UInt8(ascii: "u"): return check("user", .targetUser)
            default: return nil
            }
        default:
            return nil
        }
    }
}

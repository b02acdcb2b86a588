// Generated from the table in Sources/BylawSchema/DomainSchema*.swift; do not edit.
// After changing the table: BYLAW_UPDATE_SCHEMA=1 swift test --filter SchemaGeneratedTests
extension EventLineParser {
    /// The field whose name is `length` bytes held little-endian in `w0` then `w1` (bytes past
    /// the name zeroed). Each constant's name is beside it.
    @inline(__always)
    static func knownField(length: Int, _ w0: UInt64, _ w1: UInt64, in object: UsageEventField?) -> UsageEventField? {
        switch object {
        case nil:
            switch length {
            case 2:
                if w0 == 0x6469 { return .id }  // id
            case 3:
                if w0 == 0x67726F { return .org }  // org
                if w0 == 0x707061 { return .app }  // app
            case 4:
                if w0 == 0x656D6974 { return .time }  // time
                if w0 == 0x646E696B { return .kind }  // kind
                if w0 == 0x72657375 { return .user }  // user
                if w0 == 0x74736F63 { return .cost }  // cost
            case 5:
                if w0 == 0x65706F6373 { return .scope }  // scope
                if w0 == 0x6C65646F6D { return .model }  // model
            case 6:
                if w0 == 0x736E656B6F74 { return .tokens }  // tokens
                if w0 == 0x746567726174 { return .target }  // target
            case 8:
                if w0 == 0x72656469766F7270 { return .provider }  // provider
                if w0 == 0x7463616669747261 { return .artifact }  // artifact
                if w0 == 0x79726F6765746163 { return .category }  // category
            case 11:
                if w0 == 0x74616E6974736564 && w1 == 0x6E6F69 { return .destination }  // destination
            case 12:
                if w0 == 0x7069726373627573 && w1 == 0x6E6F6974 { return .subscription }  // subscription
            default: break
            }
        case .tokens?:
            switch length {
            case 2:
                if w0 == 0x6E69 { return .tokensIn }  // in
            case 3:
                if w0 == 0x74756F { return .tokensOut }  // out
            default: break
            }
        case .cost?:
            switch length {
            case 6:
                if w0 == 0x746E756F6D61 { return .costAmount }  // amount
            case 8:
                if w0 == 0x79636E6572727563 { return .costCurrency }  // currency
            default: break
            }
        case .artifact?:
            switch length {
            case 4:
                if w0 == 0x65707974 { return .artifactType }  // type
            case 14:
                if w0 == 0x6966697373616C63 && w1 == 0x6E6F69746163 { return .artifactClassification }  // classification
            default: break
            }
        case .destination?:
            switch length {
            case 3:
                if w0 == 0x707061 { return .destinationApp }  // app
            case 4:
                if w0 == 0x646E696B { return .destinationKind }  // kind
            default: break
            }
        case .target?:
            switch length {
            case 3:
                if w0 == 0x67726F { return .targetOrg }  // org
            case 4:
                if w0 == 0x72657375 { return .targetUser }  // user
            case 5:
                if w0 == 0x65706F6373 { return .targetScope }  // scope
            default: break
            }
        default: break
        }
        return nil
    }
}

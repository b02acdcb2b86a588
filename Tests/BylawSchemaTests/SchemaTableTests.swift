import BylawSchema
import Testing

/// What the code generated from the table and the code that reads it assume of the table.
@Suite("The schema table")
struct SchemaTableTests {
    @Test("every type a field names is in the table, and type names are unique")
    func typesResolve() {
        #expect(Set(DomainSchema.types.map(\.name)).count == DomainSchema.types.count)
        for type in DomainSchema.types {
            for field in type.fields {
                guard let name = field.type.objectName else { continue }
                #expect(DomainSchema.type(named: name) != nil, "\(type.name).\(field.name) names \(name)")
            }
            for function in type.functions {
                #expect(function.result.objectName.map { DomainSchema.type(named: $0) != nil } ?? true, "\(type.name).\(function.name)")
            }
        }
    }

    @Test("field names are unique per type, and fields hidden from CEL come last (CEL indexes the others)")
    func fieldOrder() {
        for type in DomainSchema.types {
            #expect(Set(type.fields.map(\.name)).count == type.fields.count, "\(type.name)")
            let firstHidden = type.fields.firstIndex { !$0.isVisible } ?? type.fields.count
            #expect(type.fields[firstHidden...].allSatisfy { !$0.isVisible }, "\(type.name)")
            for (index, field) in type.visibleFields.enumerated() { #expect(type.fieldIndex(field.name) == index) }
        }
    }

    @Test("every field a workspace config writes is an id, a plain value, a reference, a section or a list of them")
    func configFieldsDecode() {
        for type in DomainSchema.workspaceTypes {
            #expect(type.fields.filter { if case .id = $0.source { true } else { false } }.count <= 1, "\(type.name) has one id")
            for field in type.fields {
                switch field.source {
                case .id: #expect(field.type == .string, "\(type.name).\(field.name)")
                case .config:
                    let decodable: Bool
                    switch field.type {
                    case .reference, .object, .list(.reference), .list(.object): decodable = true
                    default: decodable = field.configValueKind != nil
                    }
                    #expect(decodable, "\(type.name).\(field.name): no way to read \(field.type) from a config")
                case .stream: Issue.record("\(type.name).\(field.name) is an event field in a workspace type")
                case .derived: break
                }
            }
        }
    }

    @Test("the event layout fits the scanner: at most 32 fields, keys of at most 16 bytes, one level of parts")
    func eventLayout() {
        let layout = DomainSchema.eventLayout
        #expect(layout.count == UsageEventField.allCases.count)
        #expect(layout.count <= 32, "UsageEventFields is a 32-bit set")
        for type in DomainSchema.eventTypes {
            for field in type.fields {
                #expect(field.streamKey != nil, "\(type.name).\(field.name) has no stream key")
                #expect((field.streamKey?.utf8.count ?? 0) <= 16, "the scanner matches keys of up to 16 bytes")
                #expect(UsageEventField.ValueKind(field.type) != nil, "\(type.name).\(field.name): the scanner cannot read \(field.type)")
            }
        }
        for (index, row) in layout.enumerated() {
            let field = UsageEventField(rawValue: UInt8(index))
            #expect(field?.path == row.path)
            #expect(field?.valueKind == row.valueKind, "\(row.path)")
            #expect(row.parent.map { layout[$0].parent == nil && layout[$0].valueKind == .object } ?? true, "\(row.path)")
        }
    }

    @Test("a CEL path names the scanner's field, `tokens.input` for the stream's `tokens.in`")
    func celPaths() {
        #expect(UsageEventField(celPath: "tokens.input") == .tokensIn)
        #expect(UsageEventField(celPath: "tokens.output") == .tokensOut)
        #expect(UsageEventField(celPath: "tokens.in") == nil)
        #expect(UsageEventField(path: "tokens.in") == .tokensIn)
        #expect(UsageEventField(celPath: "artifact.classification") == .artifactClassification)
        for field in UsageEventField.allCases {
            #expect(UsageEventField(celPath: field.celPath) == field)
            #expect(UsageEventField(path: field.path) == field)
        }
        #expect(UsageEventField.fields(ofType: "Tokens") == [.tokensIn, .tokensOut])
        #expect(UsageEventField.fields(ofType: "Event").count == DomainSchema.event.fields.count)
    }

    @Test("an enumeration without its own line is described by its values")
    func enumerationDocs() {
        #expect(DomainSchema.billing.fields[0].doc == "`single`, `assigned` or `pooled`")
        #expect(SchemaEnum(UsageEventKind.self).names == ["prompt", "upload", "share"])
        #expect(SchemaEnum(UsageEventKind.self).isOpen)
        #expect(!SchemaEnum(Custody.self).isOpen)
    }
}

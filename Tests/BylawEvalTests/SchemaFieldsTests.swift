@testable import BylawEval
import BylawPolicy
import Testing

@Suite("Adapters follow the schema")
struct SchemaFieldsTests {
    /// The adapters read fields by index; these enums must list the schema's fields in order.
    @Test("each field enum equals its schema type's field names, in order")
    func fieldOrder() {
        func names<E: CaseIterable & RawRepresentable>(_: E.Type) -> [String] where E.RawValue == Int {
            E.allCases.map { String(describing: $0) }
        }
        let pairs: [([String], SchemaObjectType)] = [
            (names(WorkspaceField.self), DomainSchema.workspace), (names(BillingField.self), DomainSchema.billing),
            (names(AccountField.self), DomainSchema.billingAccount), (names(SubscriptionField.self), DomainSchema.subscription),
            (names(OrgField.self), DomainSchema.org), (names(OrgBillingField.self), DomainSchema.orgBilling),
            (names(UserField.self), DomainSchema.user), (names(ProviderField.self), DomainSchema.provider),
            (names(AppField.self), DomainSchema.app), (names(EventField.self), DomainSchema.event),
            (names(TokensField.self), DomainSchema.tokens), (names(CostField.self), DomainSchema.cost),
            (names(ArtifactField.self), DomainSchema.artifact), (names(DestinationField.self), DomainSchema.destination),
            (names(TargetField.self), DomainSchema.target),
        ]
        for (enumNames, type) in pairs {
            #expect(enumNames == type.fields.map(\.name), "\(type.name)")
        }
        #expect(pairs.count == DomainSchema.types.count, "every schema type has an adapter")
    }
}

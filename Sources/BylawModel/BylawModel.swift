// BylawModel: workspace configs resolved into a graph (orgs, billing, silos) and the
// byte-level scanner for usage events.

// The schema's field ids and enums (`OrgField`, `UsageEventField`, `BillingMode`, …) are the
// vocabulary of this module's API: its clients see them without importing BylawSchema too.
@_exported import BylawSchema

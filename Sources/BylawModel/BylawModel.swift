// BylawModel: workspace configurations resolved into a graph (orgs, billing, silos) and the
// byte-level scanner for usage events.

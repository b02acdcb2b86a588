// BylawPolicy: policy documents decoded from YAML, the domain schema as CEL types, and the
// compiler that turns a policy set into checked, planned rules.

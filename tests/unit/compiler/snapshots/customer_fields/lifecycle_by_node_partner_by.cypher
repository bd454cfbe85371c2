// lifecycle_by_node_partner_by, read by: partner
// query ($id: ID!) { node(id: $id) { ... on Customer { lifecycleHistory { by } } } }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- node
// error FORBIDDEN at LifecycleChange.by: A partner key may not read LifecycleChange.by.

// node_partner, read by: partner
// query ($id: ID!) { node(id: $id) { ... on Campaign { id } } }
// variables: {"id": "cmp_00000000000000000000000000000001"}

// --- node
// error FORBIDDEN at Query.campaigns: A partner key may not read Query.campaigns.

// partner_by_id, read by: partner
// query ($id: ID!) { node(id: $id) { ... on Goal { id } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
// error FORBIDDEN at Query.goals: A partner key may not read Query.goals.

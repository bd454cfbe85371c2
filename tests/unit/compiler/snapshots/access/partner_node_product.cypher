// partner_node_product, read by: partner
// query ($id: ID!) { node(id: $id) { id __typename } }
// variables: {"id": "prd_00000000000000000000000000000002"}

// --- node
MATCH (n:Product {id: $p0})
RETURN n {.id, `__typename`: 'Product'} AS row
// params
// {
//   "p0": "prd_00000000000000000000000000000002"
// }

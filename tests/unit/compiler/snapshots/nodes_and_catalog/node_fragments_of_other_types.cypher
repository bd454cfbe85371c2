// node_fragments_of_other_types, read by: admin
// query ($id: ID!) { node(id: $id) {
//         __typename
//         id
//         ... on Customer { name }
//         ... on Order { number }
//         ... on Product { sku }
//          } }
// variables: {"id": "ord_00000000000000000000000000000009"}

// --- node
MATCH (n:Order {id: $p0})
RETURN n {.id, .number, `__typename`: 'Order'} AS row
// params
// {
//   "p0": "ord_00000000000000000000000000000009"
// }

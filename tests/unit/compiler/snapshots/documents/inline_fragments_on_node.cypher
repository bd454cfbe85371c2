// inline_fragments_on_node, read by: admin
// query ($id: ID!) {
//   node(id: $id) {
//     id
//     ... on Node { __typename }
//     ... on Customer { name }
//     ... on Touchpoint { kind summary customer { ... on Customer { name } } }
//   }
// }
// variables: {"id": "tpt_00000000000000000000000000000004"}

// --- node
MATCH (n:Touchpoint {id: $p0})
RETURN n {.id, .kind, .summary, `__typename`: 'Touchpoint', `customer`: head(COLLECT {
  MATCH (n)<-[:HAD]-(x1:Customer)
  WITH x1
  LIMIT 1
  RETURN x1 {.name, `__audit`: x1.id} })} AS row
// params
// {
//   "p0": "tpt_00000000000000000000000000000004"
// }
// personal data read: Customer.name, Touchpoint.summary

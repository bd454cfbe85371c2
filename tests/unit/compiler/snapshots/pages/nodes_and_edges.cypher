// nodes_and_edges, read by: admin
// query {
//   customers(first: 3) {
//     all: nodes { id name }
//     edges { cursor node { id kind } }
//     more: edges { node { name } }
//     totalCount
//   }
// }

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p3
  RETURN {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `kind`: x1.kind, `name`: x1.name, `__audit`: x1.id}, `item`: {`id`: x1.id, `name`: x1.name, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 3,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 4
// }
// personal data read: Customer.name

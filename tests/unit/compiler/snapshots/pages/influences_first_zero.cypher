// influences_first_zero, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     influences(first: 0) { strength }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`influences`: COLLECT {
  MATCH (c)-[x1:INFLUENCES]->(x1_o:Customer)
  WITH x1, x1_o
  ORDER BY x1.strength DESC, x1_o.id
  LIMIT $p1
  RETURN x1 {.strength} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 0
// }

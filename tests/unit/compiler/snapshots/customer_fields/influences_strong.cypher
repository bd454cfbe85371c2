// influences_strong, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     influences(minStrength: 0.5, first: 3) { strength customer { id } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`influences`: COLLECT {
  MATCH (c)-[x1:INFLUENCES]->(x1_o:Customer)
  WHERE x1.strength >= $p1
  WITH x1, x1_o
  ORDER BY x1.strength DESC, x1_o.id
  LIMIT $p2
  RETURN x1 {.strength, `customer`: {`id`: x1_o.id, `__audit`: x1_o.id}} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 0.5,
//   "p2": 3
// }

// external_ids, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     externalIds { system value }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x1:ExternalId)
  WITH x1
  ORDER BY x1.system, x1.value
  LIMIT $p1
  RETURN x1 {.system, .value} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100
// }

// addresses, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     addresses { kind line1 line2 city postalCode region country }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`addresses`: COLLECT {
  MATCH (c)-[:HAS_ADDRESS]->(x1:Address)
  WITH x1
  ORDER BY x1.position
  LIMIT $p1
  RETURN x1 {.kind, .line1, .line2, .city, .postalCode, .region, .country} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100
// }
// personal data read: Address.line1, Address.line2, Address.postalCode

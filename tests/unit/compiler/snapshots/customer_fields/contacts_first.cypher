// contacts_first, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     contacts(first: 5) { id name }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x1:Contact)
  WITH x1
  ORDER BY x1.name
  LIMIT $p1
  RETURN x1 {.id, .name} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 5
// }
// personal data read: Contact.name

// contact_of, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     contactOf { id name organization { id name } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`contactOf`: COLLECT {
  MATCH (c)<-[:IS]-(x1:Contact)
  WITH x1
  ORDER BY x1.name
  LIMIT $p1
  RETURN x1 {.id, .name, `organization`: head(COLLECT {
    MATCH (x1)<-[:HAS_CONTACT]-(x3:Customer)
    WITH x3
    LIMIT 1
    RETURN {`id`: x3.id, `name`: x3.name, `__audit`: x3.id} })} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100
// }
// personal data read: Contact.name, Customer.name

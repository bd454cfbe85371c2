// contacts, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     contacts {
//       id name role emails phones channels
//       organization { id name }
//       person { id name }
//     }
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
  RETURN x1 {.id, .name, .role, `emails`: coalesce(x1.emails, []), `phones`: coalesce(x1.phones, []), `channels`: coalesce(x1.channels, []), `organization`: head(COLLECT {
    MATCH (x1)<-[:HAS_CONTACT]-(x3:Customer)
    WITH x3
    LIMIT 1
    RETURN {`id`: x3.id, `name`: x3.name, `__audit`: x3.id} }), `person`: head(COLLECT {
    MATCH (x1)-[:IS]->(x5:Customer)
    WITH x5
    LIMIT 1
    RETURN {`id`: x5.id, `name`: x5.name, `__audit`: x5.id} })} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 50
// }
// personal data read: Contact.emails, Contact.name, Contact.phones, Customer.name

// acquisition, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     acquisition {
//       at
//       source { id kind name createdAt }
//       referrer { id name }
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`acquisition`: head(COLLECT {
  MATCH (c)-[x1:ACQUIRED_VIA]->(x1_o:AcquisitionSource)
  WITH x1, x1_o
  LIMIT 1
  RETURN [m6 IN [x1 {.at, `source`: [m3 IN [x1_o {.id, .kind, .name, .createdAt}] | m3 {.*, `createdAt`: toString(m3.`createdAt`)}][0], `referrer`: head(COLLECT {
    MATCH (x4:Customer {id: x1.referrerId})
    WITH x4
    LIMIT 1
    RETURN {`id`: x4.id, `name`: x4.name, `__audit`: x4.id} })}] | m6 {.*, `at`: toString(m6.`at`)}][0] }), `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
// personal data read: Customer.name

// owner_history, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     ownerHistory { since until employee { id name } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`ownerHistory`: COLLECT {
  MATCH (c)<-[x1:OWNS]-(x1_o:Employee)
  WITH x1, x1_o
  ORDER BY x1.since DESC, x1.until IS NULL DESC, x1.until DESC
  LIMIT $p1
  RETURN [m3 IN [x1 {.since, .until, `employee`: x1_o {.id, .name}}] | m3 {.*, `since`: toString(m3.`since`), `until`: toString(m3.`until`)}][0] }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100
// }

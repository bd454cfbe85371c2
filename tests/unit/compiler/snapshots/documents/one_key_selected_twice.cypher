// one_key_selected_twice, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     name
//     name
//     orders { totalCount }
//     orders { nodes { id } }
//     acquisition { at }
//     acquisition { source { name } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN c {.name, `orders`: {`totalCount`: COUNT {
  MATCH (c)-[:PLACED]->(x1:Order) }, `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`item`: x1 {.id}} }}, `acquisition`: head(COLLECT {
  MATCH (c)-[x2:ACQUIRED_VIA]->(x2_o:AcquisitionSource)
  WITH x2, x2_o
  LIMIT 1
  RETURN [m4 IN [x2 {.at, `source`: x2_o {.name}}] | m4 {.*, `at`: toString(m4.`at`)}][0] }), `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 21
// }
// personal data read: Customer.name

// orders_no_status, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     orders(status: []) { totalCount nodes { id } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`orders`: [matching2 IN [COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WHERE x1.status IN $p1
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching2[..$p5] | {`item`: x1 {.id}}]}][0], `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": [],
//   "p2": 20,
//   "p3": false,
//   "p4": "NEWEST",
//   "p5": 21
// }

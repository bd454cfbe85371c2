// aliases, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     id
//     label: name
//     recent: orders(first: 1) { nodes { number } }
//     pending: orders(status: [PENDING]) { count: totalCount }
//     strong: influences(minStrength: 0.8) { strength }
//     weak: influences { strength }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `label`: c.name, `recent`: {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`item`: x1 {.number}} }}, `pending`: {`totalCount`: COUNT {
  MATCH (c)-[:PLACED]->(x2:Order)
  WHERE x2.status IN $p5 }}, `strong`: COLLECT {
  MATCH (c)-[x3:INFLUENCES]->(x3_o:Customer)
  WHERE x3.strength >= $p6
  WITH x3, x3_o
  ORDER BY x3.strength DESC, x3_o.id
  LIMIT $p7
  RETURN x3 {.strength} }, `weak`: COLLECT {
  MATCH (c)-[x5:INFLUENCES]->(x5_o:Customer)
  WITH x5, x5_o
  ORDER BY x5.strength DESC, x5_o.id
  LIMIT $p8
  RETURN x5 {.strength} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 1,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 2,
//   "p5": [
//     "PENDING"
//   ],
//   "p6": 0.8,
//   "p7": 20,
//   "p8": 20
// }
// personal data read: Customer.name

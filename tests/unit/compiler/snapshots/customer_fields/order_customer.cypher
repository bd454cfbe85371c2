// order_customer, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     orders { nodes { id customer { id name } } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`orders`: {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`item`: x1 {.id, `customer`: head(COLLECT {
    MATCH (x1)<-[:PLACED]-(x2:Customer)
    WITH x2
    LIMIT 1
    RETURN {`id`: x2.id, `name`: x2.name, `__audit`: x2.id} })}} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 21
// }
// personal data read: Customer.name

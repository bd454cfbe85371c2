// node_order, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Order { number total { amount } items { quantity } customer { name } } } }
// variables: {"id": "ord_00000000000000000000000000000009"}

// --- node
MATCH (n:Order {id: $p1})
RETURN n {.id, .number, `__typename`: 'Order', `total`: CASE WHEN n.totalMinor IS NULL THEN null ELSE {minor: n.totalMinor, currency: n.currency} END, `items`: COLLECT {
  MATCH (n)-[x1:CONTAINS]->(x1_o:Product)
  WITH x1, x1_o
  ORDER BY x1.position
  LIMIT $p0
  RETURN x1 {.quantity} }, `customer`: head(COLLECT {
  MATCH (n)<-[:PLACED]-(x3:Customer)
  WITH x3
  LIMIT 1
  RETURN x3 {.name, `__audit`: x3.id} })} AS row
// params
// {
//   "p0": 100,
//   "p1": "ord_00000000000000000000000000000009"
// }
// personal data read: Customer.name

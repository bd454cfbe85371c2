// node_order_status_history, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Order { status statusHistory { status at by reason } } } }
// variables: {"id": "ord_00000000000000000000000000000009"}

// --- node
MATCH (n:Order {id: $p1})
RETURN n {.id, .status, `__typename`: 'Order', `statusHistory`: COLLECT {
  MATCH (n)-[:HAD_STATUS]->(x1:OrderStatusChange)
  WITH x1
  ORDER BY x1.position DESC
  LIMIT $p0
  RETURN [m3 IN [x1 {.status, .at, .by, .reason}] | m3 {.*, `at`: toString(m3.`at`)}][0] }} AS row
// params
// {
//   "p0": 100,
//   "p1": "ord_00000000000000000000000000000009"
// }

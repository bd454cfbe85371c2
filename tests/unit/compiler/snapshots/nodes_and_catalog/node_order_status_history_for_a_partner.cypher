// node_order_status_history_for_a_partner, read by: partner
// query ($id: ID!) { node(id: $id) { id ... on Order { statusHistory { status at } } } }
// variables: {"id": "ord_00000000000000000000000000000009"}

// --- node
MATCH (n:Order {id: $p2})
WHERE EXISTS {
  MATCH (owner:Customer)-[:PLACED]->(n)
  WHERE (EXISTS { (owner)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (owner)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (owner)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED' }
RETURN n {.id, `__typename`: 'Order', `statusHistory`: COLLECT {
  MATCH (n)-[:HAD_STATUS]->(x1:OrderStatusChange)
  WITH x1
  ORDER BY x1.position DESC
  LIMIT $p1
  RETURN [m3 IN [x1 {.status, .at}] | m3 {.*, `at`: toString(m3.`at`)}][0] }} AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": "ord_00000000000000000000000000000009"
// }

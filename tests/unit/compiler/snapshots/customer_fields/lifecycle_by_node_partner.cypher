// lifecycle_by_node_partner, read by: partner
// query ($id: ID!) { node(id: $id) { ... on Customer { lifecycleStage convertedAt lifecycleHistory { stage at reason } } } }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- node
MATCH (n:Customer {id: $p2})
WHERE (EXISTS { (n)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (n)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
  MATCH (n)-[:GAVE]->(consent:ConsentEvent)
  WHERE consent.purpose = 'SHARING'
  RETURN consent.status
  ORDER BY consent.at DESC, consent.recordedAt DESC
  LIMIT 1 }[0] = 'GRANTED'
RETURN n {.lifecycleStage, `__typename`: 'Customer', `convertedAt`: CASE WHEN COLLECT {
  MATCH (n)-[:HAD_STAGE]->(h1:LifecycleChange)
  RETURN h1.stage
  ORDER BY h1.position
  LIMIT 1 }[0] = 'LEAD' THEN toString(COLLECT {
  MATCH (n)-[:PLACED]->(o2:Order)
  WHERE o2.status = 'COMPLETED' AND o2.placedAt >= n.createdAt
  RETURN o2.placedAt
  ORDER BY o2.placedAt
  LIMIT 1 }[0]) END, `lifecycleHistory`: COLLECT {
  MATCH (n)-[:HAD_STAGE]->(x3:LifecycleChange)
  WITH x3
  ORDER BY x3.position DESC
  LIMIT $p1
  RETURN [m5 IN [x3 {.stage, .at, .reason}] | m5 {.*, `at`: toString(m5.`at`)}][0] }} AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": "cus_00000000000000000000000000000001"
// }

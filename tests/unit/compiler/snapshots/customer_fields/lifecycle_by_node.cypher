// lifecycle_by_node, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Customer { lifecycleStage convertedAt lifecycleHistory { stage at by reason } } } }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- node
MATCH (n:Customer {id: $p1})
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
  LIMIT $p0
  RETURN [m5 IN [x3 {.stage, .at, .by, .reason}] | m5 {.*, `at`: toString(m5.`at`)}][0] }, `__audit`: n.id} AS row
// params
// {
//   "p0": 100,
//   "p1": "cus_00000000000000000000000000000001"
// }

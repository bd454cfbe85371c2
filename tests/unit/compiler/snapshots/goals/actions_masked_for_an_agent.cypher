// actions_masked_for_an_agent, read by: agent
// query ($id: ID!) { node(id: $id) { ... on Goal { actions { id summary outcome } } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
MATCH (n:Goal {id: $p1})
RETURN {`__typename`: 'Goal', `actions`: CASE WHEN n.scope = 'BUSINESS' THEN COLLECT {
  MATCH (x1:Touchpoint)
  WHERE x1.occurredAt >= n.startsAt AND x1.occurredAt < n.endsAt
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p0
  RETURN x1 {.id, `summary`: CASE WHEN x1.summary IS NULL THEN null ELSE '[masked]' END, `outcome`: CASE WHEN x1.outcome IS NULL THEN null ELSE '[masked]' END} } ELSE COLLECT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns2:OWNS*0..1]->(c4:Customer)-[:HAD]->(x1:Touchpoint)
  WHERE all(o3 IN owns2
  WHERE o3.until IS NULL) AND x1.occurredAt >= n.startsAt AND x1.occurredAt < n.endsAt
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p0
  RETURN x1 {.id, `summary`: CASE WHEN x1.summary IS NULL THEN null ELSE '[masked]' END, `outcome`: CASE WHEN x1.outcome IS NULL THEN null ELSE '[masked]' END} } END} AS row
// params
// {
//   "p0": 20,
//   "p1": "gol_00000000000000000000000000000001"
// }

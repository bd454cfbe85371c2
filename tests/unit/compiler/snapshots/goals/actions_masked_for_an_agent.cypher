// actions_masked_for_an_agent, read by: agent
// query ($id: ID!) { node(id: $id) { ... on Goal { actions { id summary outcome } } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
MATCH (n:Goal {id: $p1})
RETURN {`__typename`: 'Goal', `actions`: [a5 IN CASE WHEN n.scope = 'BUSINESS' THEN COLLECT {
  MATCH (x1:Touchpoint)
  WHERE x1.occurredAt >= n.startsAt AND x1.occurredAt < n.endsAt
  RETURN x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p0 } ELSE COLLECT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns2:OWNS*0..1]->(c4:Customer)-[:HAD]->(x1:Touchpoint)
  WHERE all(o3 IN owns2
  WHERE o3.until IS NULL) AND x1.occurredAt >= n.startsAt AND x1.occurredAt < n.endsAt
  RETURN x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p0 } END | a5 {.id, `summary`: CASE WHEN a5.summary IS NULL THEN null ELSE '[masked]' END, `outcome`: CASE WHEN a5.outcome IS NULL THEN null ELSE '[masked]' END}]} AS row
// params
// {
//   "p0": 20,
//   "p1": "gol_00000000000000000000000000000001"
// }

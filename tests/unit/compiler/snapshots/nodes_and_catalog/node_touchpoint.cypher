// node_touchpoint, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Touchpoint { kind handledBy { name } customer { id } } } }
// variables: {"id": "tpt_00000000000000000000000000000009"}

// --- node
MATCH (n:Touchpoint {id: $p0})
RETURN n {.id, .kind, `__typename`: 'Touchpoint', `handledBy`: head(COLLECT {
  MATCH (n)-[:HANDLED_BY]->(x1:Employee)
  WITH x1
  LIMIT 1
  RETURN x1 {.name} }), `customer`: head(COLLECT {
  MATCH (n)<-[:HAD]-(x3:Customer)
  WITH x3
  LIMIT 1
  RETURN {`id`: x3.id, `__audit`: x3.id} })} AS row
// params
// {
//   "p0": "tpt_00000000000000000000000000000009"
// }

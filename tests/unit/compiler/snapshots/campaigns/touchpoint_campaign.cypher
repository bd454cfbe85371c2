// touchpoint_campaign, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Touchpoint { campaign { id name } } } }
// variables: {"id": "tpt_00000000000000000000000000000001"}

// --- node
MATCH (n:Touchpoint {id: $p0})
RETURN {`__typename`: 'Touchpoint', `campaign`: head(COLLECT {
  MATCH (n)-[:IN_CAMPAIGN]->(x1:Campaign)
  WITH x1
  LIMIT 1
  RETURN x1 {.id, .name} })} AS row
// params
// {
//   "p0": "tpt_00000000000000000000000000000001"
// }

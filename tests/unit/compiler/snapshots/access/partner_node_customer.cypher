// partner_node_customer, read by: partner
// query ($id: ID!) { node(id: $id) { id __typename } }
// variables: {"id": "cus_00000000000000000000000000000002"}

// --- node
MATCH (n:Customer {id: $p1})
WHERE (EXISTS { (n)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (n)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
  MATCH (n)-[:GAVE]->(consent:ConsentEvent)
  WHERE consent.purpose = 'SHARING'
  RETURN consent.status
  ORDER BY consent.at DESC, consent.recordedAt DESC
  LIMIT 1 }[0] = 'GRANTED'
RETURN n {.id, `__typename`: 'Customer'} AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": "cus_00000000000000000000000000000002"
// }

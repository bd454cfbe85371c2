// partner_node_order, read by: partner
// query ($id: ID!) { node(id: $id) { id __typename } }
// variables: {"id": "ord_00000000000000000000000000000002"}

// --- node
MATCH (n:Order {id: $p1})
WHERE EXISTS {
  MATCH (owner:Customer)-[:PLACED]->(n)
  WHERE (EXISTS { (owner)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (owner)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (owner)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED' }
RETURN n {.id, `__typename`: 'Order'} AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": "ord_00000000000000000000000000000002"
// }

// search_partner, read by: partner with pii:read
// query { searchCustomers(text: "ada") { score customer { id name } } }

// --- searchCustomers
CALL db.index.fulltext.queryNodes('customer_search', $p0, {limit: $p1})
YIELD node, score
WHERE (EXISTS { (node)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (node)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
  MATCH (node)-[:GAVE]->(consent:ConsentEvent)
  WHERE consent.purpose = 'SHARING'
  RETURN consent.status
  ORDER BY consent.at DESC, consent.recordedAt DESC
  LIMIT 1 }[0] = 'GRANTED'
RETURN {`score`: score, `customer`: {`id`: node.id, `name`: node.name, `__audit`: node.id}} AS row
ORDER BY score DESC, node.id
// params
// {
//   "p0": "(\"ada\" OR (ada*))",
//   "p1": 20,
//   "partner": "ptn_00000000000000000000000000000001"
// }
// personal data read: Customer.name

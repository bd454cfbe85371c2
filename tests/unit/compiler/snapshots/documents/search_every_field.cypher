// search_every_field, read by: admin
// query { searchCustomers(text: "ada", first: 5) {
//   __typename score hit: customer { id name orders { totalCount } }
// } }

// --- searchCustomers
CALL db.index.fulltext.queryNodes('customer_search', $p0, {limit: $p1})
YIELD node, score
RETURN {`__typename`: 'CustomerSearchHit', `score`: score, `hit`: {`id`: node.id, `name`: node.name, `orders`: {`totalCount`: COUNT {
  MATCH (node)-[:PLACED]->(x1:Order) }}, `__audit`: node.id}} AS row
ORDER BY score DESC, node.id
// params
// {
//   "p0": "(\"ada\" OR (ada*))",
//   "p1": 5
// }
// personal data read: Customer.name

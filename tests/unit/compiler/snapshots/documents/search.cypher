// search, read by: admin
// query ($text: String!) { searchCustomers(text: $text) { score customer { id } } }
// variables: {"text": "Ada Lovelace"}

// --- searchCustomers
CALL db.index.fulltext.queryNodes('customer_search', $p0, {limit: $p1})
YIELD node, score
RETURN {`score`: score, `customer`: {`id`: node.id, `__audit`: node.id}} AS row
ORDER BY score DESC, node.id
// params
// {
//   "p0": "(\"ada\" OR (ada*)) AND (\"lovelace\" OR (lovelace*))",
//   "p1": 20
// }

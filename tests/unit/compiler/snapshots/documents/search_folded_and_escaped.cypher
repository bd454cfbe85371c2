// search_folded_and_escaped, read by: admin
// query ($text: String!) { searchCustomers(text: $text) { score customer { id } } }
// variables: {"text": "Bērziņš berners-l ada@x.org \"a\" (b)"}

// --- searchCustomers
CALL db.index.fulltext.queryNodes('customer_search', $p0, {limit: $p1})
YIELD node, score
RETURN {`score`: score, `customer`: {`id`: node.id, `__audit`: node.id}} AS row
ORDER BY score DESC, node.id
// params
// {
//   "p0": "(\"berzins\" OR (berzins*)) AND (\"berners-l\" OR (berners* AND l*)) AND (\"ada@x.org\" OR (ada* AND x* AND org*)) AND (\"\\\"a\\\"\" OR (a*)) AND (\"(b)\" OR (b*))",
//   "p1": 20
// }

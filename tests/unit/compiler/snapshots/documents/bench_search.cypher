// bench_search, read by: admin
// query Search($text: String!) {
//   searchCustomers(text: $text, first: 20) { score customer { id name emails } }
// }
// variables: {"text": "ada lov"}

// --- searchCustomers
CALL db.index.fulltext.queryNodes('customer_search', $p0, {limit: $p1})
YIELD node, score
RETURN {`score`: score, `customer`: {`id`: node.id, `name`: node.name, `emails`: coalesce(node.emails, []), `__audit`: node.id}} AS row
ORDER BY score DESC, node.id
// params
// {
//   "p0": "(\"ada\" OR (ada*)) AND (\"lov\" OR (lov*))",
//   "p1": 20
// }
// personal data read: Customer.emails, Customer.name

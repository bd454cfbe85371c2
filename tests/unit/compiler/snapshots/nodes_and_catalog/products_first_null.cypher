// products_first_null, read by: admin
// query { products(first: null) { id } }

// --- products
MATCH (n:Product)
RETURN n {.id} AS row
ORDER BY n.name, n.id
LIMIT $p0
// params
// {
//   "p0": 100
// }

// products_default_beyond_a_lower_limit, read by: admin (page limit 50)
// query { products { id } }

// --- products
MATCH (n:Product)
RETURN n {.id} AS row
ORDER BY n.name, n.id
LIMIT $p0
// params
// {
//   "p0": 50
// }

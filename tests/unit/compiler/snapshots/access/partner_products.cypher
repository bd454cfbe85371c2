// partner_products, read by: partner
// query { products { id sku price { amount } } }

// --- products
MATCH (n:Product)
RETURN n {.id, .sku, `price`: CASE WHEN n.priceMinor IS NULL THEN null ELSE {minor: n.priceMinor, currency: n.currency} END} AS row
ORDER BY n.name, n.id
LIMIT $p0
// params
// {
//   "p0": 100
// }

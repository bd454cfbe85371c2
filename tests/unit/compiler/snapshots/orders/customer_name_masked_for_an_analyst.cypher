// customer_name_masked_for_an_analyst, read by: analyst
// query { orders(first: 5) { nodes { id customer { id name emails } } } }

// --- orders
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: x1 {.id, `customer`: head(COLLECT {
    MATCH (x1)<-[:PLACED]-(x3:Customer)
    WITH x3
    LIMIT 1
    RETURN x3 {.id, `name`: CASE WHEN x3.kind = 'PERSON' THEN reduce(s = '', w IN split(x3.name, ' ') | s + left(w, 1) + '. ') ELSE x3.name END, `emails`: [e IN coalesce(x3.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]]} })}} }} AS row
// params
// {
//   "p0": 5,
//   "p1": false,
//   "p2": "PLACED_AT_DESC",
//   "p3": 6
// }

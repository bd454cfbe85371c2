// list_agent, read by: agent
// query { customers(first: 5) { totalCount edges { cursor node { id name emails } } } }

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.createdAt, x1.id
  LIMIT $p3
  RETURN {`cursor`: [toString(x1.createdAt), x1.id], `node`: x1 {.id, `name`: CASE WHEN x1.kind = 'PERSON' THEN reduce(s = '', w IN split(x1.name, ' ') | s + left(w, 1) + '. ') ELSE x1.name END, `emails`: [e IN coalesce(x1.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]]}} }} AS row
// params
// {
//   "p0": 5,
//   "p1": false,
//   "p2": "CREATED_AT_ASC",
//   "p3": 6
// }

// masked_for_an_analyst, read by: analyst
// query { touchpoints{ nodes { summary outcome resolution customer { name } } } }

// --- touchpoints
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: {`summary`: CASE WHEN x1.summary IS NULL THEN null ELSE '[masked]' END, `outcome`: CASE WHEN x1.outcome IS NULL THEN null ELSE '[masked]' END, `resolution`: CASE WHEN x1.resolution IS NULL THEN null ELSE '[masked]' END, `customer`: head(COLLECT {
    MATCH (x1)<-[:HAD]-(x3:Customer)
    WITH x3
    LIMIT 1
    RETURN {`name`: CASE WHEN x3.kind = 'PERSON' THEN reduce(s = '', w IN split(x3.name, ' ') | s + left(w, 1) + '. ') ELSE x3.name END} })}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "OCCURRED_AT_DESC",
//   "p3": 21
// }

// not, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"NOT": {"lifecycleStage": ["FORMER"]}}}

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE NOT (x1.lifecycleStage IN $p0)
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching2[..$p4] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "FORMER"
//   ],
//   "p1": 20,
//   "p2": false,
//   "p3": "NAME_ASC",
//   "p4": 21
// }

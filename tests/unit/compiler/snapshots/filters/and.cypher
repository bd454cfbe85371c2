// and, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"AND": [{"kind": "PERSON"}, {"lifecycleStage": ["LEAD"]}]}}

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE (x1.kind = $p0) AND (x1.lifecycleStage IN $p1)
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching2[..$p5] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "PERSON",
//   "p1": [
//     "LEAD"
//   ],
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }

// kind_empty, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"kind": []}}

// --- touchpoints
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Touchpoint)
  WHERE x1.kind IN $p0
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching3[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": [],
//   "p1": 20,
//   "p2": false,
//   "p3": "OCCURRED_AT_DESC",
//   "p4": 21
// }

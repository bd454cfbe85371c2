// account_owner, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"accountOwner": "emp_00000000000000000000000000000004"}}

// --- touchpoints
RETURN [matching4 IN [COLLECT {
  MATCH (x1:Touchpoint)<-[:HAD]-(c2:Customer)
  WHERE EXISTS {
    MATCH (c2)<-[o3:OWNS]-(:Employee {id: $p0})
    WHERE o3.until IS NULL }
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching4), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching4[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": "emp_00000000000000000000000000000004",
//   "p1": 20,
//   "p2": false,
//   "p3": "OCCURRED_AT_DESC",
//   "p4": 21
// }

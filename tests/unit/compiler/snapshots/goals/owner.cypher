// owner, read by: admin
// query ($filter: GoalFilter) { goals(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"owner": "emp_00000000000000000000000000000002"}}

// --- goals
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Goal)
  WHERE EXISTS { (x1)<-[:HAS_GOAL]-(:Employee {id: $p0}) }
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching2[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": "emp_00000000000000000000000000000002",
//   "p1": 20,
//   "p2": false,
//   "p3": "PERIOD_DESC",
//   "p4": 21
// }

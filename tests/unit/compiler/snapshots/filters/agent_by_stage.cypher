// agent_by_stage, read by: agent
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"lifecycleStage": ["LEAD"]}}

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE x1.lifecycleStage IN $p0
  WITH x1
  ORDER BY x1.createdAt, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching2[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "LEAD"
//   ],
//   "p1": 20,
//   "p2": false,
//   "p3": "CREATED_AT_ASC",
//   "p4": 21
// }

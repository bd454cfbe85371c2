// sla_breached, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"slaBreached": true}}

// --- touchpoints
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Touchpoint)
  WHERE (x1.dueAt IS NOT NULL AND (CASE WHEN coalesce(x1.resolved, false) THEN coalesce(x1.resolvedAt > x1.dueAt, false) ELSE datetime() > x1.dueAt END))
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: [x1 IN matching3[..$p3] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "OCCURRED_AT_DESC",
//   "p3": 21
// }

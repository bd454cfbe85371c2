// open_page_without_count, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter, orderBy: DUE_AT_ASC, first: 10) { edges { cursor node { id kind sla { dueAt breached } } } } }
// variables: {"filter": {"open": true}}

// --- touchpoints
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WHERE (x1.kind = 'COMPLAINT' AND NOT coalesce(x1.resolved, false))
  WITH x1
  ORDER BY coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z')), x1.id
  LIMIT $p3
  RETURN {`cursor`: [toString(coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z'))), x1.id], `node`: x1 {.id, .kind, `sla`: CASE WHEN x1.dueAt IS NULL THEN null ELSE [m3 IN [x1 {.dueAt, `breached`: CASE WHEN coalesce(x1.resolved, false) THEN coalesce(x1.resolvedAt > x1.dueAt, false) ELSE datetime() > x1.dueAt END}] | m3 {.*, `dueAt`: toString(m3.`dueAt`)}][0] END}} }} AS row
// params
// {
//   "p0": 10,
//   "p1": false,
//   "p2": "DUE_AT_ASC",
//   "p3": 11
// }

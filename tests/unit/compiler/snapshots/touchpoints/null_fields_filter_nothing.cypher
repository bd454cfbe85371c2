// null_fields_filter_nothing, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"kind": null, "open": null, "slaBreached": null, "customer": null, "followUpDue": null}}

// --- touchpoints
RETURN {`totalCount`: COUNT {
  MATCH (x1:Touchpoint) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "OCCURRED_AT_DESC",
//   "p3": 21
// }

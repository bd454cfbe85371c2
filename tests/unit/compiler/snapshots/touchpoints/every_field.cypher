// every_field, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter, orderBy: DUE_AT_ASC) { totalCount nodes { id } } }
// variables: {"filter": {"kind": ["COMPLAINT"], "channel": ["PHONE"], "direction": "INBOUND", "open": true, "slaBreached": true, "handledBy": "emp_00000000000000000000000000000003", "accountOwner": "emp_00000000000000000000000000000004", "customer": "cus_00000000000000000000000000000001", "since": "2026-01-01T00:00:00Z", "until": "2026-03-01T00:00:00Z", "followUpDue": false}}

// --- touchpoints
RETURN [matching4 IN [COLLECT {
  MATCH (x1:Touchpoint)<-[:HAD]-(c2:Customer)
  WHERE c2.id = $p0 AND EXISTS {
    MATCH (c2)<-[o3:OWNS]-(:Employee {id: $p1})
    WHERE o3.until IS NULL } AND x1.kind IN $p2 AND x1.channel IN $p3 AND x1.direction = $p4 AND (x1.kind = 'COMPLAINT' AND NOT coalesce(x1.resolved, false)) AND (x1.dueAt IS NOT NULL AND (CASE WHEN coalesce(x1.resolved, false) THEN coalesce(x1.resolvedAt > x1.dueAt, false) ELSE datetime() > x1.dueAt END)) AND EXISTS {
    MATCH (x1)-[:HANDLED_BY]->(:Employee {id: $p5}) } AND x1.occurredAt >= $p6 AND x1.occurredAt < $p7 AND NOT coalesce(x1.followUpAt <= datetime(), false)
  WITH x1
  ORDER BY coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z')), x1.id
  RETURN x1 }] | {`totalCount`: size(matching4), `first`: $p8, `after`: $p9, `sort`: $p10, `rows`: [x1 IN matching4[..$p11] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": "emp_00000000000000000000000000000004",
//   "p2": [
//     "COMPLAINT"
//   ],
//   "p3": [
//     "PHONE"
//   ],
//   "p4": "INBOUND",
//   "p5": "emp_00000000000000000000000000000003",
//   "p6": {
//     "datetime": "2026-01-01T00:00:00+00:00"
//   },
//   "p7": {
//     "datetime": "2026-03-01T00:00:00+00:00"
//   },
//   "p8": 20,
//   "p9": false,
//   "p10": "DUE_AT_ASC",
//   "p11": 21
// }

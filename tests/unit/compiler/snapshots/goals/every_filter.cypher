// every_filter, read by: admin
// query ($filter: GoalFilter) { goals(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"owner": "emp_00000000000000000000000000000002", "metric": ["ORDER_COUNT"], "activeOn": "2026-03-15", "onTrack": false}}

// --- goals
RETURN [matching20 IN [COLLECT {
  MATCH (x1:Goal)
  WHERE x1.metric IN $p0 AND EXISTS { (x1)<-[:HAS_GOAL]-(:Employee {id: $p1}) } AND x1.periodFrom <= $p2 AND x1.periodTo >= $p2 AND NOT [p2 IN [{metric: x1.metric, amount: CASE x1.metric WHEN 'REVENUE' THEN CASE WHEN x1.scope = 'BUSINESS' THEN [totals7 IN [COLLECT {
    MATCH (x3:Order)
    WHERE x3.status = 'COMPLETED' AND x3.placedAt >= x1.startsAt AND x3.placedAt < x1.endsAt AND x3.currency = x1.currency
    RETURN coalesce(x3.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v8 IN totals7 | s + toFloat(v8)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v8 IN totals7 | s + v8) END][0] ELSE [totals7 IN [COLLECT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns4:OWNS*0..1]->(c6:Customer)-[:PLACED]->(x3:Order)
    WHERE all(o5 IN owns4
    WHERE o5.until IS NULL) AND x3.status = 'COMPLETED' AND x3.placedAt >= x1.startsAt AND x3.placedAt < x1.endsAt AND x3.currency = x1.currency
    RETURN coalesce(x3.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v8 IN totals7 | s + toFloat(v8)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v8 IN totals7 | s + v8) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN x1.scope = 'BUSINESS' THEN COUNT {
    MATCH (x9:Order)
    WHERE x9.status = 'COMPLETED' AND x9.placedAt >= x1.startsAt AND x9.placedAt < x1.endsAt } ELSE COUNT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns10:OWNS*0..1]->(c12:Customer)-[:PLACED]->(x9:Order)
    WHERE all(o11 IN owns10
    WHERE o11.until IS NULL) AND x9.status = 'COMPLETED' AND x9.placedAt >= x1.startsAt AND x9.placedAt < x1.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN x1.scope = 'BUSINESS' THEN COUNT {
    MATCH (x13:Touchpoint)
    WHERE x13.direction = 'OUTBOUND' AND x13.occurredAt >= x1.startsAt AND x13.occurredAt < x1.endsAt } ELSE COUNT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns14:OWNS*0..1]->(c16:Customer)-[:HAD]->(x13:Touchpoint)
    WHERE all(o15 IN owns14
    WHERE o15.until IS NULL) AND x13.direction = 'OUTBOUND' AND x13.occurredAt >= x1.startsAt AND x13.occurredAt < x1.endsAt } END ELSE CASE WHEN x1.scope = 'BUSINESS' THEN COUNT {
    MATCH (x17:Customer)
    WHERE x17.createdAt >= x1.startsAt AND x17.createdAt < x1.endsAt } ELSE COUNT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns18:OWNS*0..1]->(x17:Customer)
    WHERE all(o19 IN owns18
    WHERE o19.until IS NULL) AND x17.createdAt >= x1.startsAt AND x17.createdAt < x1.endsAt } END END, currency: x1.currency, target: x1.target, days: duration.inDays(x1.periodFrom, x1.periodTo).days + 1, sinceStart: duration.inDays(x1.periodFrom, coalesce($p3, date())).days + 1}] | toFloat(p2.amount) * p2.days >= toFloat(p2.target) * CASE WHEN p2.sinceStart < 0 THEN 0 WHEN p2.sinceStart > p2.days THEN p2.days ELSE p2.sinceStart END][0]
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching20), `first`: $p4, `after`: $p5, `sort`: $p6, `rows`: [x1 IN matching20[..$p7] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "ORDER_COUNT"
//   ],
//   "p1": "emp_00000000000000000000000000000002",
//   "p2": {
//     "date": "2026-03-15"
//   },
//   "p3": {
//     "date": "2026-03-10"
//   },
//   "p4": 20,
//   "p5": false,
//   "p6": "PERIOD_DESC",
//   "p7": 21
// }

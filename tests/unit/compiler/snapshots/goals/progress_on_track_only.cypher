// progress_on_track_only, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Goal { progress { onTrack } } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
MATCH (n:Goal {id: $p1})
RETURN {`__typename`: 'Goal', `progress`: [p1 IN [{metric: n.metric, amount: CASE n.metric WHEN 'REVENUE' THEN CASE WHEN n.scope = 'BUSINESS' THEN [totals6 IN [COLLECT {
  MATCH (x2:Order)
  WHERE x2.status = 'COMPLETED' AND x2.placedAt >= n.startsAt AND x2.placedAt < n.endsAt AND x2.currency = n.currency
  RETURN coalesce(x2.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v7 IN totals6 | s + toFloat(v7)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v7 IN totals6 | s + v7) END][0] ELSE [totals6 IN [COLLECT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns3:OWNS*0..1]->(c5:Customer)-[:PLACED]->(x2:Order)
  WHERE all(o4 IN owns3
  WHERE o4.until IS NULL) AND x2.status = 'COMPLETED' AND x2.placedAt >= n.startsAt AND x2.placedAt < n.endsAt AND x2.currency = n.currency
  RETURN coalesce(x2.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v7 IN totals6 | s + toFloat(v7)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v7 IN totals6 | s + v7) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN n.scope = 'BUSINESS' THEN COUNT {
  MATCH (x8:Order)
  WHERE x8.status = 'COMPLETED' AND x8.placedAt >= n.startsAt AND x8.placedAt < n.endsAt } ELSE COUNT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns9:OWNS*0..1]->(c11:Customer)-[:PLACED]->(x8:Order)
  WHERE all(o10 IN owns9
  WHERE o10.until IS NULL) AND x8.status = 'COMPLETED' AND x8.placedAt >= n.startsAt AND x8.placedAt < n.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN n.scope = 'BUSINESS' THEN COUNT {
  MATCH (x12:Touchpoint)
  WHERE x12.direction = 'OUTBOUND' AND x12.occurredAt >= n.startsAt AND x12.occurredAt < n.endsAt } ELSE COUNT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns13:OWNS*0..1]->(c15:Customer)-[:HAD]->(x12:Touchpoint)
  WHERE all(o14 IN owns13
  WHERE o14.until IS NULL) AND x12.direction = 'OUTBOUND' AND x12.occurredAt >= n.startsAt AND x12.occurredAt < n.endsAt } END ELSE CASE WHEN n.scope = 'BUSINESS' THEN COUNT {
  MATCH (x16:Customer)
  WHERE x16.createdAt >= n.startsAt AND x16.createdAt < n.endsAt } ELSE COUNT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns17:OWNS*0..1]->(x16:Customer)
  WHERE all(o18 IN owns17
  WHERE o18.until IS NULL) AND x16.createdAt >= n.startsAt AND x16.createdAt < n.endsAt } END END, currency: n.currency, target: n.target, days: duration.inDays(n.periodFrom, n.periodTo).days + 1, sinceStart: duration.inDays(n.periodFrom, coalesce($p0, date())).days + 1}] | {`onTrack`: toFloat(p1.amount) * p1.days >= toFloat(p1.target) * CASE WHEN p1.sinceStart < 0 THEN 0 WHEN p1.sinceStart > p1.days THEN p1.days ELSE p1.sinceStart END}][0]} AS row
// params
// {
//   "p0": {
//     "date": "2026-03-10"
//   },
//   "p1": "gol_00000000000000000000000000000001"
// }

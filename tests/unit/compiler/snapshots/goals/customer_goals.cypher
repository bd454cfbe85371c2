// customer_goals, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     goals { id metric progress { onTrack } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`goals`: COLLECT {
  MATCH (c)-[:HAS_GOAL]->(x1:Goal)
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  LIMIT $p1
  RETURN x1 {.id, .metric, `progress`: [p3 IN [{metric: x1.metric, amount: CASE x1.metric WHEN 'REVENUE' THEN CASE WHEN x1.scope = 'BUSINESS' THEN [totals8 IN [COLLECT {
    MATCH (x4:Order)
    WHERE x4.status = 'COMPLETED' AND x4.placedAt >= x1.startsAt AND x4.placedAt < x1.endsAt AND x4.currency = x1.currency
    RETURN coalesce(x4.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v9 IN totals8 | s + toFloat(v9)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v9 IN totals8 | s + v9) END][0] ELSE [totals8 IN [COLLECT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns5:OWNS*0..1]->(c7:Customer)-[:PLACED]->(x4:Order)
    WHERE all(o6 IN owns5
    WHERE o6.until IS NULL) AND x4.status = 'COMPLETED' AND x4.placedAt >= x1.startsAt AND x4.placedAt < x1.endsAt AND x4.currency = x1.currency
    RETURN coalesce(x4.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v9 IN totals8 | s + toFloat(v9)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v9 IN totals8 | s + v9) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN x1.scope = 'BUSINESS' THEN COUNT {
    MATCH (x10:Order)
    WHERE x10.status = 'COMPLETED' AND x10.placedAt >= x1.startsAt AND x10.placedAt < x1.endsAt } ELSE COUNT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns11:OWNS*0..1]->(c13:Customer)-[:PLACED]->(x10:Order)
    WHERE all(o12 IN owns11
    WHERE o12.until IS NULL) AND x10.status = 'COMPLETED' AND x10.placedAt >= x1.startsAt AND x10.placedAt < x1.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN x1.scope = 'BUSINESS' THEN COUNT {
    MATCH (x14:Touchpoint)
    WHERE x14.direction = 'OUTBOUND' AND x14.occurredAt >= x1.startsAt AND x14.occurredAt < x1.endsAt } ELSE COUNT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns15:OWNS*0..1]->(c17:Customer)-[:HAD]->(x14:Touchpoint)
    WHERE all(o16 IN owns15
    WHERE o16.until IS NULL) AND x14.direction = 'OUTBOUND' AND x14.occurredAt >= x1.startsAt AND x14.occurredAt < x1.endsAt } END ELSE CASE WHEN x1.scope = 'BUSINESS' THEN COUNT {
    MATCH (x18:Customer)
    WHERE x18.createdAt >= x1.startsAt AND x18.createdAt < x1.endsAt } ELSE COUNT {
    MATCH (x1)<-[:HAS_GOAL]-()-[owns19:OWNS*0..1]->(x18:Customer)
    WHERE all(o20 IN owns19
    WHERE o20.until IS NULL) AND x18.createdAt >= x1.startsAt AND x18.createdAt < x1.endsAt } END END, currency: x1.currency, target: x1.target, days: duration.inDays(x1.periodFrom, x1.periodTo).days + 1, sinceStart: duration.inDays(x1.periodFrom, coalesce($p2, date())).days + 1}] | {`onTrack`: toFloat(p3.amount) * p3.days >= toFloat(p3.target) * CASE WHEN p3.sinceStart < 0 THEN 0 WHEN p3.sinceStart > p3.days THEN p3.days ELSE p3.sinceStart END}][0]} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": {
//     "date": "2026-03-10"
//   }
// }

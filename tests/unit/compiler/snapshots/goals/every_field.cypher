// every_field, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Goal { id metric scope customer { id } owner { id } period { from to } target { money { amount currency } count } progress { actual { money { amount } count } ratio onTrack } actions(first: 5) { id occurredAt summary } createdAt createdBy updatedAt } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
MATCH (n:Goal {id: $p2})
RETURN [m30 IN [n {.id, .metric, .scope, .createdAt, .createdBy, .updatedAt, `__typename`: 'Goal', `customer`: head(COLLECT {
  MATCH (n)<-[:HAS_GOAL]-(x1:Customer)
  WITH x1
  LIMIT 1
  RETURN {`id`: x1.id, `__audit`: x1.id} }), `owner`: head(COLLECT {
  MATCH (n)<-[:HAS_GOAL]-(x3:Employee)
  WITH x3
  LIMIT 1
  RETURN x3 {.id} }), `period`: {`from`: n.periodFrom, `to`: n.periodTo}, `target`: [t5 IN [{metric: n.metric, amount: n.target, currency: n.currency}] | {`money`: CASE WHEN t5.metric = 'REVENUE' THEN CASE WHEN t5.amount IS NULL THEN null ELSE {minor: t5.amount, currency: t5.currency} END END, `count`: CASE WHEN t5.metric = 'REVENUE' THEN null ELSE t5.amount END}][0], `progress`: [p6 IN [{metric: n.metric, amount: CASE n.metric WHEN 'REVENUE' THEN CASE WHEN n.scope = 'BUSINESS' THEN [totals11 IN [COLLECT {
  MATCH (x7:Order)
  WHERE x7.status = 'COMPLETED' AND x7.placedAt >= n.startsAt AND x7.placedAt < n.endsAt AND x7.currency = n.currency
  RETURN coalesce(x7.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v12 IN totals11 | s + toFloat(v12)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v12 IN totals11 | s + v12) END][0] ELSE [totals11 IN [COLLECT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns8:OWNS*0..1]->(c10:Customer)-[:PLACED]->(x7:Order)
  WHERE all(o9 IN owns8
  WHERE o9.until IS NULL) AND x7.status = 'COMPLETED' AND x7.placedAt >= n.startsAt AND x7.placedAt < n.endsAt AND x7.currency = n.currency
  RETURN coalesce(x7.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v12 IN totals11 | s + toFloat(v12)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v12 IN totals11 | s + v12) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN n.scope = 'BUSINESS' THEN COUNT {
  MATCH (x13:Order)
  WHERE x13.status = 'COMPLETED' AND x13.placedAt >= n.startsAt AND x13.placedAt < n.endsAt } ELSE COUNT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns14:OWNS*0..1]->(c16:Customer)-[:PLACED]->(x13:Order)
  WHERE all(o15 IN owns14
  WHERE o15.until IS NULL) AND x13.status = 'COMPLETED' AND x13.placedAt >= n.startsAt AND x13.placedAt < n.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN n.scope = 'BUSINESS' THEN COUNT {
  MATCH (x17:Touchpoint)
  WHERE x17.direction = 'OUTBOUND' AND x17.occurredAt >= n.startsAt AND x17.occurredAt < n.endsAt } ELSE COUNT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns18:OWNS*0..1]->(c20:Customer)-[:HAD]->(x17:Touchpoint)
  WHERE all(o19 IN owns18
  WHERE o19.until IS NULL) AND x17.direction = 'OUTBOUND' AND x17.occurredAt >= n.startsAt AND x17.occurredAt < n.endsAt } END ELSE CASE WHEN n.scope = 'BUSINESS' THEN COUNT {
  MATCH (x21:Customer)
  WHERE x21.createdAt >= n.startsAt AND x21.createdAt < n.endsAt } ELSE COUNT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns22:OWNS*0..1]->(x21:Customer)
  WHERE all(o23 IN owns22
  WHERE o23.until IS NULL) AND x21.createdAt >= n.startsAt AND x21.createdAt < n.endsAt } END END, currency: n.currency, target: n.target, days: duration.inDays(n.periodFrom, n.periodTo).days + 1, sinceStart: duration.inDays(n.periodFrom, coalesce($p0, date())).days + 1}] | {`actual`: {`money`: CASE WHEN p6.metric = 'REVENUE' THEN CASE WHEN p6.amount IS NULL THEN null ELSE {minor: p6.amount, currency: p6.currency} END END, `count`: CASE WHEN p6.metric = 'REVENUE' THEN null ELSE p6.amount END}, `ratio`: toFloat(p6.amount) / p6.target, `onTrack`: toFloat(p6.amount) * p6.days >= toFloat(p6.target) * CASE WHEN p6.sinceStart < 0 THEN 0 WHEN p6.sinceStart > p6.days THEN p6.days ELSE p6.sinceStart END}][0], `actions`: CASE WHEN n.scope = 'BUSINESS' THEN COLLECT {
  MATCH (x24:Touchpoint)
  WHERE x24.occurredAt >= n.startsAt AND x24.occurredAt < n.endsAt
  WITH x24
  ORDER BY x24.occurredAt DESC, x24.id DESC
  LIMIT $p1
  RETURN [m28 IN [x24 {.id, .occurredAt, .summary}] | m28 {.*, `occurredAt`: toString(m28.`occurredAt`)}][0] } ELSE COLLECT {
  MATCH (n)<-[:HAS_GOAL]-()-[owns25:OWNS*0..1]->(c27:Customer)-[:HAD]->(x24:Touchpoint)
  WHERE all(o26 IN owns25
  WHERE o26.until IS NULL) AND x24.occurredAt >= n.startsAt AND x24.occurredAt < n.endsAt
  WITH x24
  ORDER BY x24.occurredAt DESC, x24.id DESC
  LIMIT $p1
  RETURN [m29 IN [x24 {.id, .occurredAt, .summary}] | m29 {.*, `occurredAt`: toString(m29.`occurredAt`)}][0] } END}] | m30 {.*, `createdAt`: toString(m30.`createdAt`), `updatedAt`: toString(m30.`updatedAt`)}][0] AS row
// params
// {
//   "p0": {
//     "date": "2026-03-10"
//   },
//   "p1": 5,
//   "p2": "gol_00000000000000000000000000000001"
// }
// personal data read: Touchpoint.summary

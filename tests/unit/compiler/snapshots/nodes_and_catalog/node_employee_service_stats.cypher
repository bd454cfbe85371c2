// node_employee_service_stats, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Employee { all: serviceStats { touchpoints complaints resolved firstContactRate breaches averageSatisfaction byKind { kind count averageSatisfaction } } recent: serviceStats(since: "2026-01-01T00:00:00Z") { complaints } } } }
// variables: {"id": "emp_00000000000000000000000000000009"}

// --- node
MATCH (n:Employee {id: $p2})
RETURN n {.id, `__typename`: 'Employee', `all`: [hs2 IN [COLLECT {
  MATCH (n)<-[:HANDLED_BY]-(t1:Touchpoint)
  RETURN {kind: t1.kind, satisfaction: t1.satisfaction, firstContactResolution: coalesce(t1.firstContactResolution, false), resolved: coalesce(t1.resolved, false), breached: (t1.dueAt IS NOT NULL AND (CASE WHEN coalesce(t1.resolved, false) THEN coalesce(t1.resolvedAt > t1.dueAt, false) ELSE datetime() > t1.dueAt END))} }] | {`touchpoints`: size(hs2), `complaints`: size([h3 IN hs2
WHERE h3.kind = 'COMPLAINT']), `resolved`: size([h5 IN [h3 IN hs2
WHERE h3.kind = 'COMPLAINT']
WHERE h5.resolved]), `firstContactRate`: CASE WHEN size([h5 IN [h3 IN hs2
WHERE h3.kind = 'COMPLAINT']
WHERE h5.resolved]) = 0 THEN null ELSE toFloat(size([h6 IN [h5 IN [h3 IN hs2
WHERE h3.kind = 'COMPLAINT']
WHERE h5.resolved]
WHERE h6.firstContactResolution])) / size([h5 IN [h3 IN hs2
WHERE h3.kind = 'COMPLAINT']
WHERE h5.resolved]) END, `breaches`: size([h5 IN [h3 IN hs2
WHERE h3.kind = 'COMPLAINT']
WHERE h5.breached]), `averageSatisfaction`: CASE WHEN size([h3 IN hs2
WHERE h3.satisfaction IS NOT NULL | h3.satisfaction]) = 0 THEN null ELSE toFloat(reduce(s = 0, r IN [h3 IN hs2
WHERE h3.satisfaction IS NOT NULL | h3.satisfaction] | s + r)) / size([h3 IN hs2
WHERE h3.satisfaction IS NOT NULL | h3.satisfaction]) END, `byKind`: [k4 IN [k7 IN $p0
WHERE any(h3 IN hs2
WHERE h3.kind = k7)] | {`kind`: k4, `count`: size([h3 IN hs2
WHERE h3.kind = k4]), `averageSatisfaction`: CASE WHEN size([h5 IN [h3 IN hs2
WHERE h3.kind = k4]
WHERE h5.satisfaction IS NOT NULL | h5.satisfaction]) = 0 THEN null ELSE toFloat(reduce(s = 0, r IN [h5 IN [h3 IN hs2
WHERE h3.kind = k4]
WHERE h5.satisfaction IS NOT NULL | h5.satisfaction] | s + r)) / size([h5 IN [h3 IN hs2
WHERE h3.kind = k4]
WHERE h5.satisfaction IS NOT NULL | h5.satisfaction]) END}]}][0], `recent`: [hs9 IN [COLLECT {
  MATCH (n)<-[:HANDLED_BY]-(t8:Touchpoint)
  WHERE t8.occurredAt >= $p1
  RETURN {kind: t8.kind, satisfaction: t8.satisfaction, firstContactResolution: coalesce(t8.firstContactResolution, false), resolved: coalesce(t8.resolved, false), breached: (t8.dueAt IS NOT NULL AND (CASE WHEN coalesce(t8.resolved, false) THEN coalesce(t8.resolvedAt > t8.dueAt, false) ELSE datetime() > t8.dueAt END))} }] | {`complaints`: size([h10 IN hs9
WHERE h10.kind = 'COMPLAINT'])}][0]} AS row
// params
// {
//   "p0": [
//     "INQUIRY",
//     "COMPLAINT",
//     "SERVICE",
//     "SALE",
//     "MARKETING",
//     "REMINDER",
//     "FOLLOW_UP",
//     "GREETING",
//     "OFFER",
//     "ACCOUNT_REVIEW"
//   ],
//   "p1": {
//     "datetime": "2026-01-01T00:00:00+00:00"
//   },
//   "p2": "emp_00000000000000000000000000000009"
// }

// owner, read by: admin
// query { workQueue(owner: "emp_00000000000000000000000000000003") {
//   __typename priority reason customer { id name } contact { allowed }
//   ... on ComplaintDue { touchpoint { id kind } dueAt breached }
//   ... on InvoiceReminder { order { number } daysOverdue amountDue { amount currency }
//                            lastReminderAt }
//   ... on FollowUpDue { touchpoint { id } dueAt }
//   ... on GreetingDue { occasion on years }
//   ... on GoalAtRisk { goal { id metric progress { ratio onTrack } } }
//  } }

// --- workQueue
CALL () {
MATCH (:Employee {id: $owner})-[owns:OWNS]->(c:Customer)
WHERE owns.until IS NULL
MATCH (c)-[:HAD]->(t:Touchpoint)
WHERE t.kind = 'COMPLAINT' AND NOT coalesce(t.resolved, false) AND t.dueAt IS NOT NULL
WITH c, t, datetime() > t.dueAt AS breached
RETURN c, {type: 'ComplaintDue', rank: CASE WHEN breached THEN 0 ELSE 1 END, sortKey: toFloat(t.dueAt.epochMillis), reason: CASE WHEN breached THEN 'Complaint past its due time' ELSE 'Complaint due' END, customer: c, touchpoint: t, dueAt: t.dueAt, breached: breached, channel: t.channel} AS item UNION ALL
MATCH (:Employee {id: $owner})-[owns:OWNS]->(c:Customer)
WHERE owns.until IS NULL
MATCH (c)-[:PLACED]->(o:Order)
WHERE o.status IN ['PENDING', 'COMPLETED'] AND o.paidAt IS NULL AND o.invoiceDueDate < $on
WITH c, o, duration.inDays(o.invoiceDueDate, $on).days AS days
RETURN c, {type: 'InvoiceReminder', rank: 2, sortKey: -toFloat(coalesce(o.totalMinor, 0)) * days, reason: 'Invoice ' + toString(days) + ' days overdue', customer: c, invoiced: o, daysOverdue: days, amountMinor: o.totalMinor, currency: o.currency, lastReminderAt: COLLECT {
  MATCH (o)<-[:REMINDS]-(r:Touchpoint)
  RETURN r.occurredAt
  ORDER BY r.occurredAt DESC
  LIMIT 1 }[0], channel: coalesce(c.preferredChannel, 'EMAIL')} AS item UNION ALL
MATCH (:Employee {id: $owner})-[owns:OWNS]->(c:Customer)
WHERE owns.until IS NULL
MATCH (c)-[:HAD]->(t:Touchpoint)
WHERE t.followUpAt < $dayEnd
RETURN c, {type: 'FollowUpDue', rank: 4, sortKey: toFloat(t.followUpAt.epochMillis), reason: 'Follow-up due', customer: c, touchpoint: t, dueAt: t.followUpAt, channel: t.channel} AS item UNION ALL
MATCH (:Employee {id: $owner})-[owns:OWNS]->(c:Customer)
WHERE owns.until IS NULL
WITH c, date(datetime({datetime: c.createdAt, timezone: $zone})) AS since
WITH c, [occasion IN [CASE WHEN c.birthDate.month = $on.month AND c.birthDate.day = $on.day THEN ['BIRTHDAY', $on.year - c.birthDate.year] END, CASE WHEN since.month = $on.month AND since.day = $on.day AND since.year < $on.year THEN ['ANNIVERSARY', $on.year - since.year] END]
WHERE occasion IS NOT NULL] AS occasions UNWIND occasions AS occasion
RETURN c, {type: 'GreetingDue', rank: 4, sortKey: toFloat($dayEndMillis), reason: CASE occasion[0] WHEN 'BIRTHDAY' THEN 'Birthday' ELSE 'Customer for ' + toString(occasion[1]) + ' years' END, customer: c, occasion: occasion[0], on: $on, years: occasion[1], channel: coalesce(c.preferredChannel, 'EMAIL')} AS item UNION ALL
MATCH (:Employee {id: $owner})-[:HAS_GOAL]->(g:Goal)
WITH null AS c, g
WITH c, g
WHERE g.periodFrom <= $on <= g.periodTo
WITH c, g, {metric: g.metric, amount: CASE g.metric WHEN 'REVENUE' THEN CASE WHEN g.scope = 'BUSINESS' THEN [totals5 IN [COLLECT {
  MATCH (x1:Order)
  WHERE x1.status = 'COMPLETED' AND x1.placedAt >= g.startsAt AND x1.placedAt < g.endsAt AND x1.currency = g.currency
  RETURN coalesce(x1.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v6 IN totals5 | s + toFloat(v6)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v6 IN totals5 | s + v6) END][0] ELSE [totals5 IN [COLLECT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns2:OWNS*0..1]->(c4:Customer)-[:PLACED]->(x1:Order)
  WHERE all(o3 IN owns2
  WHERE o3.until IS NULL) AND x1.status = 'COMPLETED' AND x1.placedAt >= g.startsAt AND x1.placedAt < g.endsAt AND x1.currency = g.currency
  RETURN coalesce(x1.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v6 IN totals5 | s + toFloat(v6)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v6 IN totals5 | s + v6) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN g.scope = 'BUSINESS' THEN COUNT {
  MATCH (x7:Order)
  WHERE x7.status = 'COMPLETED' AND x7.placedAt >= g.startsAt AND x7.placedAt < g.endsAt } ELSE COUNT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns8:OWNS*0..1]->(c10:Customer)-[:PLACED]->(x7:Order)
  WHERE all(o9 IN owns8
  WHERE o9.until IS NULL) AND x7.status = 'COMPLETED' AND x7.placedAt >= g.startsAt AND x7.placedAt < g.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN g.scope = 'BUSINESS' THEN COUNT {
  MATCH (x11:Touchpoint)
  WHERE x11.direction = 'OUTBOUND' AND x11.occurredAt >= g.startsAt AND x11.occurredAt < g.endsAt } ELSE COUNT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns12:OWNS*0..1]->(c14:Customer)-[:HAD]->(x11:Touchpoint)
  WHERE all(o13 IN owns12
  WHERE o13.until IS NULL) AND x11.direction = 'OUTBOUND' AND x11.occurredAt >= g.startsAt AND x11.occurredAt < g.endsAt } END ELSE CASE WHEN g.scope = 'BUSINESS' THEN COUNT {
  MATCH (x15:Customer)
  WHERE x15.createdAt >= g.startsAt AND x15.createdAt < g.endsAt } ELSE COUNT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns16:OWNS*0..1]->(x15:Customer)
  WHERE all(o17 IN owns16
  WHERE o17.until IS NULL) AND x15.createdAt >= g.startsAt AND x15.createdAt < g.endsAt } END END, currency: g.currency, target: g.target, days: duration.inDays(g.periodFrom, g.periodTo).days + 1, sinceStart: duration.inDays(g.periodFrom, coalesce($p0, date())).days + 1} AS p
WHERE NOT (toFloat(p.amount) * p.days >= toFloat(p.target) * CASE WHEN p.sinceStart < 0 THEN 0 WHEN p.sinceStart > p.days THEN p.days ELSE p.sinceStart END)
RETURN c, {type: 'GoalAtRisk', rank: 3, sortKey: toFloat(p.amount) / toFloat(p.target), reason: 'Goal off track: ' + toLower(g.metric), customer: c, goal: g} AS item UNION ALL
MATCH (:Employee {id: $owner})-[owns:OWNS]->(c:Customer)
WHERE owns.until IS NULL
MATCH (c)-[:HAS_GOAL]->(g:Goal)
WITH c, g
WHERE g.periodFrom <= $on <= g.periodTo
WITH c, g, {metric: g.metric, amount: CASE g.metric WHEN 'REVENUE' THEN CASE WHEN g.scope = 'BUSINESS' THEN [totals22 IN [COLLECT {
  MATCH (x18:Order)
  WHERE x18.status = 'COMPLETED' AND x18.placedAt >= g.startsAt AND x18.placedAt < g.endsAt AND x18.currency = g.currency
  RETURN coalesce(x18.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v23 IN totals22 | s + toFloat(v23)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v23 IN totals22 | s + v23) END][0] ELSE [totals22 IN [COLLECT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns19:OWNS*0..1]->(c21:Customer)-[:PLACED]->(x18:Order)
  WHERE all(o20 IN owns19
  WHERE o20.until IS NULL) AND x18.status = 'COMPLETED' AND x18.placedAt >= g.startsAt AND x18.placedAt < g.endsAt AND x18.currency = g.currency
  RETURN coalesce(x18.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v23 IN totals22 | s + toFloat(v23)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v23 IN totals22 | s + v23) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN g.scope = 'BUSINESS' THEN COUNT {
  MATCH (x24:Order)
  WHERE x24.status = 'COMPLETED' AND x24.placedAt >= g.startsAt AND x24.placedAt < g.endsAt } ELSE COUNT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns25:OWNS*0..1]->(c27:Customer)-[:PLACED]->(x24:Order)
  WHERE all(o26 IN owns25
  WHERE o26.until IS NULL) AND x24.status = 'COMPLETED' AND x24.placedAt >= g.startsAt AND x24.placedAt < g.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN g.scope = 'BUSINESS' THEN COUNT {
  MATCH (x28:Touchpoint)
  WHERE x28.direction = 'OUTBOUND' AND x28.occurredAt >= g.startsAt AND x28.occurredAt < g.endsAt } ELSE COUNT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns29:OWNS*0..1]->(c31:Customer)-[:HAD]->(x28:Touchpoint)
  WHERE all(o30 IN owns29
  WHERE o30.until IS NULL) AND x28.direction = 'OUTBOUND' AND x28.occurredAt >= g.startsAt AND x28.occurredAt < g.endsAt } END ELSE CASE WHEN g.scope = 'BUSINESS' THEN COUNT {
  MATCH (x32:Customer)
  WHERE x32.createdAt >= g.startsAt AND x32.createdAt < g.endsAt } ELSE COUNT {
  MATCH (g)<-[:HAS_GOAL]-()-[owns33:OWNS*0..1]->(x32:Customer)
  WHERE all(o34 IN owns33
  WHERE o34.until IS NULL) AND x32.createdAt >= g.startsAt AND x32.createdAt < g.endsAt } END END, currency: g.currency, target: g.target, days: duration.inDays(g.periodFrom, g.periodTo).days + 1, sinceStart: duration.inDays(g.periodFrom, coalesce($p1, date())).days + 1} AS p
WHERE NOT (toFloat(p.amount) * p.days >= toFloat(p.target) * CASE WHEN p.sinceStart < 0 THEN 0 WHEN p.sinceStart > p.days THEN p.days ELSE p.sinceStart END)
RETURN c, {type: 'GoalAtRisk', rank: 3, sortKey: toFloat(p.amount) / toFloat(p.target), reason: 'Goal off track: ' + toLower(g.metric), customer: c, goal: g} AS item }
WITH c, item
ORDER BY item.rank, item.sortKey, c.id
LIMIT $first
WITH collect([c, item]) AS rows UNWIND range(0, size(rows) - 1) AS i
WITH rows[i][0] AS c, rows[i][1] AS item, i + 1 AS priority
WITH c, item {.*, priority: priority} AS item
RETURN CASE item.type WHEN 'ComplaintDue' THEN [m37 IN [item {.priority, .reason, .dueAt, .breached, `__typename`: 'ComplaintDue', `customer`: COLLECT {
  WITH item.customer AS x35
  WHERE x35 IS NOT NULL
  RETURN {`id`: x35.id, `name`: x35.name, `__audit`: x35.id} }[0], `contact`: null, `touchpoint`: COLLECT {
  WITH item.touchpoint AS x36
  WHERE x36 IS NOT NULL
  RETURN x36 {.id, .kind} }[0]}] | m37 {.*, `dueAt`: toString(m37.`dueAt`)}][0] WHEN 'InvoiceReminder' THEN [m40 IN [item {.priority, .reason, .daysOverdue, .lastReminderAt, `__typename`: 'InvoiceReminder', `customer`: COLLECT {
  WITH item.customer AS x38
  WHERE x38 IS NOT NULL
  RETURN {`id`: x38.id, `name`: x38.name, `__audit`: x38.id} }[0], `contact`: null, `order`: COLLECT {
  WITH item.invoiced AS x39
  WHERE x39 IS NOT NULL
  RETURN x39 {.number} }[0], `amountDue`: CASE WHEN item.amountMinor IS NULL THEN null ELSE {minor: item.amountMinor, currency: item.currency} END}] | m40 {.*, `lastReminderAt`: toString(m40.`lastReminderAt`)}][0] WHEN 'FollowUpDue' THEN [m43 IN [item {.priority, .reason, .dueAt, `__typename`: 'FollowUpDue', `customer`: COLLECT {
  WITH item.customer AS x41
  WHERE x41 IS NOT NULL
  RETURN {`id`: x41.id, `name`: x41.name, `__audit`: x41.id} }[0], `contact`: null, `touchpoint`: COLLECT {
  WITH item.touchpoint AS x42
  WHERE x42 IS NOT NULL
  RETURN x42 {.id} }[0]}] | m43 {.*, `dueAt`: toString(m43.`dueAt`)}][0] WHEN 'GoalAtRisk' THEN item {.priority, .reason, `__typename`: 'GoalAtRisk', `customer`: COLLECT {
  WITH item.customer AS x44
  WHERE x44 IS NOT NULL
  RETURN {`id`: x44.id, `name`: x44.name, `__audit`: x44.id} }[0], `contact`: null, `goal`: COLLECT {
  WITH item.goal AS x45
  WHERE x45 IS NOT NULL
  RETURN x45 {.id, .metric, `progress`: [p46 IN [{metric: x45.metric, amount: CASE x45.metric WHEN 'REVENUE' THEN CASE WHEN x45.scope = 'BUSINESS' THEN [totals51 IN [COLLECT {
    MATCH (x47:Order)
    WHERE x47.status = 'COMPLETED' AND x47.placedAt >= x45.startsAt AND x47.placedAt < x45.endsAt AND x47.currency = x45.currency
    RETURN coalesce(x47.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v52 IN totals51 | s + toFloat(v52)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v52 IN totals51 | s + v52) END][0] ELSE [totals51 IN [COLLECT {
    MATCH (x45)<-[:HAS_GOAL]-()-[owns48:OWNS*0..1]->(c50:Customer)-[:PLACED]->(x47:Order)
    WHERE all(o49 IN owns48
    WHERE o49.until IS NULL) AND x47.status = 'COMPLETED' AND x47.placedAt >= x45.startsAt AND x47.placedAt < x45.endsAt AND x47.currency = x45.currency
    RETURN coalesce(x47.totalMinor, 0) }] | CASE WHEN reduce(s = 0.0, v52 IN totals51 | s + toFloat(v52)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v52 IN totals51 | s + v52) END][0] END WHEN 'ORDER_COUNT' THEN CASE WHEN x45.scope = 'BUSINESS' THEN COUNT {
    MATCH (x53:Order)
    WHERE x53.status = 'COMPLETED' AND x53.placedAt >= x45.startsAt AND x53.placedAt < x45.endsAt } ELSE COUNT {
    MATCH (x45)<-[:HAS_GOAL]-()-[owns54:OWNS*0..1]->(c56:Customer)-[:PLACED]->(x53:Order)
    WHERE all(o55 IN owns54
    WHERE o55.until IS NULL) AND x53.status = 'COMPLETED' AND x53.placedAt >= x45.startsAt AND x53.placedAt < x45.endsAt } END WHEN 'OUTBOUND_CONTACTS' THEN CASE WHEN x45.scope = 'BUSINESS' THEN COUNT {
    MATCH (x57:Touchpoint)
    WHERE x57.direction = 'OUTBOUND' AND x57.occurredAt >= x45.startsAt AND x57.occurredAt < x45.endsAt } ELSE COUNT {
    MATCH (x45)<-[:HAS_GOAL]-()-[owns58:OWNS*0..1]->(c60:Customer)-[:HAD]->(x57:Touchpoint)
    WHERE all(o59 IN owns58
    WHERE o59.until IS NULL) AND x57.direction = 'OUTBOUND' AND x57.occurredAt >= x45.startsAt AND x57.occurredAt < x45.endsAt } END ELSE CASE WHEN x45.scope = 'BUSINESS' THEN COUNT {
    MATCH (x61:Customer)
    WHERE x61.createdAt >= x45.startsAt AND x61.createdAt < x45.endsAt } ELSE COUNT {
    MATCH (x45)<-[:HAS_GOAL]-()-[owns62:OWNS*0..1]->(x61:Customer)
    WHERE all(o63 IN owns62
    WHERE o63.until IS NULL) AND x61.createdAt >= x45.startsAt AND x61.createdAt < x45.endsAt } END END, currency: x45.currency, target: x45.target, days: duration.inDays(x45.periodFrom, x45.periodTo).days + 1, sinceStart: duration.inDays(x45.periodFrom, coalesce($p2, date())).days + 1}] | {`ratio`: toFloat(p46.amount) / p46.target, `onTrack`: toFloat(p46.amount) * p46.days >= toFloat(p46.target) * CASE WHEN p46.sinceStart < 0 THEN 0 WHEN p46.sinceStart > p46.days THEN p46.days ELSE p46.sinceStart END}][0]} }[0]} WHEN 'GreetingDue' THEN item {.priority, .reason, .occasion, .on, .years, `__typename`: 'GreetingDue', `customer`: COLLECT {
  WITH item.customer AS x64
  WHERE x64 IS NOT NULL
  RETURN {`id`: x64.id, `name`: x64.name, `__audit`: x64.id} }[0], `contact`: null} END AS row, item.type AS type, item.channel AS channel, item.lastReminderAt AS lastReminder, [company IN [COLLECT {
  MATCH (c)-[:HAS_CONTACT|IS*0..4]-(member:Customer)
  RETURN DISTINCT member }] | {doNotContact: coalesce(c.doNotContact, false), consent: COLLECT {
  MATCH (c)-[:GAVE]->(e:ConsentEvent)
  WHERE e.purpose = 'MARKETING' AND e.at <= $at
  RETURN [e.channel, e.status]
  ORDER BY e.at DESC, e.recordedAt DESC }, outbound: COLLECT { UNWIND company AS member
  MATCH (member)-[:HAD]->(t:Touchpoint)
  WHERE t.direction = 'OUTBOUND' AND $since < t.occurredAt < $until
  RETURN t.occurredAt
  ORDER BY t.occurredAt }, lastService: COLLECT { UNWIND company AS member
  MATCH (member)-[:HAD]->(t:Touchpoint)
  WHERE t.kind IN $serviceKinds AND t.occurredAt <= $at
  RETURN t.occurredAt
  ORDER BY t.occurredAt DESC
  LIMIT 1 }[0]}][0] AS facts, COLLECT {
  MATCH (p:ContactPolicy {id: 'policy'})
  RETURN p {.*} }[0] AS policy
// params
// {
//   "p0": {
//     "date": "2026-03-10"
//   },
//   "p1": {
//     "date": "2026-03-10"
//   },
//   "p2": {
//     "date": "2026-03-10"
//   },
//   "since": {
//     "datetime": "2026-02-08T09:30:00+00:00"
//   },
//   "until": {
//     "datetime": "2026-04-09T09:30:00+00:00"
//   },
//   "at": {
//     "datetime": "2026-03-10T09:30:00+00:00"
//   },
//   "serviceKinds": [
//     "SERVICE",
//     "COMPLAINT"
//   ],
//   "owner": "emp_00000000000000000000000000000003",
//   "on": {
//     "date": "2026-03-10"
//   },
//   "zone": "Europe/Berlin",
//   "dayEnd": {
//     "datetime": "2026-03-10T23:00:00+00:00"
//   },
//   "dayEndMillis": 1773183600000,
//   "first": 100
// }
// personal data read: Customer.name

// unassigned, read by: admin
// query { workQueue { __typename priority customer { id } } }

// --- workQueue
CALL () {
MATCH (c:Customer)
WHERE NOT EXISTS {
  MATCH (c)<-[owns:OWNS]-(:Employee)
  WHERE owns.until IS NULL }
MATCH (c)-[:HAD]->(t:Touchpoint)
WHERE t.kind = 'COMPLAINT' AND NOT coalesce(t.resolved, false) AND t.dueAt IS NOT NULL
WITH c, t, datetime() > t.dueAt AS breached
RETURN c, {type: 'ComplaintDue', rank: CASE WHEN breached THEN 0 ELSE 1 END, sortKey: toFloat(t.dueAt.epochMillis), reason: CASE WHEN breached THEN 'Complaint past its due time' ELSE 'Complaint due' END, customer: c, touchpoint: t, dueAt: t.dueAt, breached: breached, channel: t.channel} AS item UNION ALL
MATCH (c:Customer)
WHERE NOT EXISTS {
  MATCH (c)<-[owns:OWNS]-(:Employee)
  WHERE owns.until IS NULL }
MATCH (c)-[:PLACED]->(o:Order)
WHERE o.status IN ['PENDING', 'COMPLETED'] AND o.paidAt IS NULL AND o.invoiceDueDate < $on
WITH c, o, duration.inDays(o.invoiceDueDate, $on).days AS days
RETURN c, {type: 'InvoiceReminder', rank: 2, sortKey: -toFloat(coalesce(o.totalMinor, 0)) * days, reason: 'Invoice ' + toString(days) + ' days overdue', customer: c, invoiced: o, daysOverdue: days, amountMinor: o.totalMinor, currency: o.currency, lastReminderAt: COLLECT {
  MATCH (o)<-[:REMINDS]-(r:Touchpoint)
  RETURN r.occurredAt
  ORDER BY r.occurredAt DESC
  LIMIT 1 }[0], channel: coalesce(c.preferredChannel, 'EMAIL')} AS item UNION ALL
MATCH (c:Customer)
WHERE NOT EXISTS {
  MATCH (c)<-[owns:OWNS]-(:Employee)
  WHERE owns.until IS NULL }
MATCH (c)-[:HAD]->(t:Touchpoint)
WHERE t.followUpAt < $dayEnd
RETURN c, {type: 'FollowUpDue', rank: 4, sortKey: toFloat(t.followUpAt.epochMillis), reason: 'Follow-up due', customer: c, touchpoint: t, dueAt: t.followUpAt, channel: t.channel} AS item UNION ALL
MATCH (c:Customer)
WHERE NOT EXISTS {
  MATCH (c)<-[owns:OWNS]-(:Employee)
  WHERE owns.until IS NULL }
WITH c, date(datetime({datetime: c.createdAt, timezone: $zone})) AS since
WITH c, [occasion IN [CASE WHEN c.birthDate.month = $on.month AND c.birthDate.day = $on.day THEN ['BIRTHDAY', $on.year - c.birthDate.year] END, CASE WHEN since.month = $on.month AND since.day = $on.day AND since.year < $on.year THEN ['ANNIVERSARY', $on.year - since.year] END]
WHERE occasion IS NOT NULL] AS occasions UNWIND occasions AS occasion
RETURN c, {type: 'GreetingDue', rank: 4, sortKey: toFloat($dayEndMillis), reason: CASE occasion[0] WHEN 'BIRTHDAY' THEN 'Birthday' ELSE 'Customer for ' + toString(occasion[1]) + ' years' END, customer: c, occasion: occasion[0], on: $on, years: occasion[1], channel: coalesce(c.preferredChannel, 'EMAIL')} AS item }
WITH c, item
ORDER BY item.rank, item.sortKey, c.id
LIMIT $first
WITH collect([c, item]) AS rows UNWIND range(0, size(rows) - 1) AS i
WITH rows[i][0] AS c, rows[i][1] AS item, i + 1 AS priority
WITH c, item {.*, priority: priority} AS item
RETURN CASE item.type WHEN 'ComplaintDue' THEN item {.priority, `__typename`: 'ComplaintDue', `customer`: [x1 IN [item.customer] | {`id`: x1.id, `__audit`: x1.id}][0]} WHEN 'InvoiceReminder' THEN item {.priority, `__typename`: 'InvoiceReminder', `customer`: [x2 IN [item.customer] | {`id`: x2.id, `__audit`: x2.id}][0]} WHEN 'FollowUpDue' THEN item {.priority, `__typename`: 'FollowUpDue', `customer`: [x3 IN [item.customer] | {`id`: x3.id, `__audit`: x3.id}][0]} WHEN 'GreetingDue' THEN item {.priority, `__typename`: 'GreetingDue', `customer`: [x4 IN [item.customer] | {`id`: x4.id, `__audit`: x4.id}][0]} END AS row, item.type AS type, item.channel AS channel, item.lastReminderAt AS lastReminder, {doNotContact: coalesce(c.doNotContact, false), consent: COLLECT {
  MATCH (c)-[:GAVE]->(e:ConsentEvent)
  WHERE e.purpose = 'MARKETING'
  RETURN [e.channel, e.status]
  ORDER BY e.at DESC, e.recordedAt DESC }, outbound: COLLECT { UNWIND COLLECT {
    MATCH (c)-[:HAS_CONTACT|IS*0..4]-(member:Customer)
    RETURN DISTINCT member } AS member
  MATCH (member)-[:HAD]->(t:Touchpoint)
  WHERE t.direction = 'OUTBOUND' AND $since < t.occurredAt < $until
  RETURN t.occurredAt
  ORDER BY t.occurredAt }, lastService: COLLECT { UNWIND COLLECT {
    MATCH (c)-[:HAS_CONTACT|IS*0..4]-(member:Customer)
    RETURN DISTINCT member } AS member
  MATCH (member)-[:HAD]->(t:Touchpoint)
  WHERE t.kind IN $serviceKinds AND t.occurredAt <= $at
  RETURN t.occurredAt
  ORDER BY t.occurredAt DESC
  LIMIT 1 }[0]} AS facts, COLLECT {
  MATCH (p:ContactPolicy {id: 'policy'})
  RETURN p {.*} }[0] AS policy
// params
// {
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
//   "owner": null,
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

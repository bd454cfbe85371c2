// touchpoint_fields, read by: admin
// query {
//   touchpoints(first: 5) {
//     nodes {
//       id channel direction kind occurredAt summary outcome satisfaction resolved
//       resolvedAt resolution firstContactResolution followUpAt
//       sla { dueAt breached remaining }
//       handledBy { id name }
//       customer { id name }
//     }
//   }
// }

// --- touchpoints
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: [m8 IN [x1 {.id, .channel, .direction, .kind, .occurredAt, .summary, .outcome, .satisfaction, .resolvedAt, .resolution, .firstContactResolution, .followUpAt, `resolved`: coalesce(x1.resolved, false), `sla`: CASE WHEN x1.dueAt IS NULL THEN null ELSE [m3 IN [x1 {.dueAt, `breached`: CASE WHEN coalesce(x1.resolved, false) THEN coalesce(x1.resolvedAt > x1.dueAt, false) ELSE datetime() > x1.dueAt END, `remaining`: CASE WHEN coalesce(x1.resolved, false) THEN null ELSE CASE WHEN duration.inSeconds(datetime(), x1.dueAt).seconds > 2147483647 THEN 2147483647 WHEN duration.inSeconds(datetime(), x1.dueAt).seconds < -2147483648 THEN -2147483648 ELSE duration.inSeconds(datetime(), x1.dueAt).seconds END END}] | m3 {.*, `dueAt`: toString(m3.`dueAt`)}][0] END, `handledBy`: head(COLLECT {
    MATCH (x1)-[:HANDLED_BY]->(x4:Employee)
    WITH x4
    LIMIT 1
    RETURN x4 {.id, .name} }), `customer`: head(COLLECT {
    MATCH (x1)<-[:HAD]-(x6:Customer)
    WITH x6
    LIMIT 1
    RETURN {`id`: x6.id, `name`: x6.name, `__audit`: x6.id} })}] | m8 {.*, `occurredAt`: toString(m8.`occurredAt`), `resolvedAt`: toString(m8.`resolvedAt`), `followUpAt`: toString(m8.`followUpAt`)}][0]} }} AS row
// params
// {
//   "p0": 5,
//   "p1": false,
//   "p2": "OCCURRED_AT_DESC",
//   "p3": 6
// }
// personal data read: Customer.name, Touchpoint.outcome, Touchpoint.resolution, Touchpoint.summary

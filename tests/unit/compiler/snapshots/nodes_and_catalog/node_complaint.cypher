// node_complaint, read by: agent
// query ($id: ID!) { node(id: $id) { id ... on Touchpoint { resolvedAt resolution firstContactResolution followUpAt sla { dueAt breached remaining } } } }
// variables: {"id": "tpt_00000000000000000000000000000009"}

// --- node
MATCH (n:Touchpoint {id: $p0})
RETURN [m2 IN [n {.id, .resolvedAt, .firstContactResolution, .followUpAt, `__typename`: 'Touchpoint', `resolution`: CASE WHEN n.resolution IS NULL THEN null ELSE '[masked]' END, `sla`: CASE WHEN n.dueAt IS NULL THEN null ELSE [m1 IN [n {.dueAt, `breached`: CASE WHEN coalesce(n.resolved, false) THEN coalesce(n.resolvedAt > n.dueAt, false) ELSE datetime() > n.dueAt END, `remaining`: CASE WHEN coalesce(n.resolved, false) THEN null ELSE CASE WHEN duration.inSeconds(datetime(), n.dueAt).seconds > 2147483647 THEN 2147483647 WHEN duration.inSeconds(datetime(), n.dueAt).seconds < -2147483648 THEN -2147483648 ELSE duration.inSeconds(datetime(), n.dueAt).seconds END END}] | m1 {.*, `dueAt`: toString(m1.`dueAt`)}][0] END}] | m2 {.*, `resolvedAt`: toString(m2.`resolvedAt`), `followUpAt`: toString(m2.`followUpAt`)}][0] AS row
// params
// {
//   "p0": "tpt_00000000000000000000000000000009"
// }

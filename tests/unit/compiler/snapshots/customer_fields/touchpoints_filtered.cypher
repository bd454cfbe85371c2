// touchpoints_filtered, read by: admin
// query ($id: ID!, $since: DateTime, $until: DateTime) {
//   customer(id: $id) {
//     touchpoints(
//       channels: [PHONE, EMAIL, PHONE]
//       kinds: [COMPLAINT]
//       since: $since
//       until: $until
//       first: 5
//     ) {
//       totalCount
//       nodes { id kind }
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001", "since": "2026-01-01T00:00:00Z", "until": "2026-07-01T02:00:00+02:00"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`touchpoints`: [matching2 IN [COLLECT {
  MATCH (c)-[:HAD]->(x1:Touchpoint)
  WHERE x1.channel IN $p1 AND x1.kind IN $p2 AND x1.occurredAt >= $p3 AND x1.occurredAt < $p4
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p5, `after`: $p6, `sort`: $p7, `rows`: [x1 IN matching2[..$p8] | {`item`: x1 {.id, .kind}}]}][0], `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": [
//     "EMAIL",
//     "PHONE"
//   ],
//   "p2": [
//     "COMPLAINT"
//   ],
//   "p3": {
//     "datetime": "2026-01-01T00:00:00+00:00"
//   },
//   "p4": {
//     "datetime": "2026-07-01T00:00:00+00:00"
//   },
//   "p5": 5,
//   "p6": false,
//   "p7": "NEWEST",
//   "p8": 6
// }

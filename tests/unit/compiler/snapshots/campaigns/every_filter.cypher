// every_filter, read by: admin
// query ($filter: CampaignFilter) { campaigns(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"kind": ["MARKETING"], "channel": ["EMAIL"], "activeOn": "2026-03-15"}}

// --- campaigns
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Campaign)
  WHERE x1.kind IN $p0 AND x1.channel IN $p1 AND x1.periodFrom <= $p2 AND x1.periodTo >= $p2
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p3, `after`: $p4, `sort`: $p5, `rows`: [x1 IN matching2[..$p6] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "MARKETING"
//   ],
//   "p1": [
//     "EMAIL"
//   ],
//   "p2": {
//     "date": "2026-03-15"
//   },
//   "p3": 20,
//   "p4": false,
//   "p5": "PERIOD_DESC",
//   "p6": 21
// }

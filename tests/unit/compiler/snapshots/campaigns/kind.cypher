// kind, read by: admin
// query ($filter: CampaignFilter) { campaigns(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"kind": ["TRADE_PROMOTION"]}}

// --- campaigns
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Campaign)
  WHERE x1.kind IN $p0
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching2[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "TRADE_PROMOTION"
//   ],
//   "p1": 20,
//   "p2": false,
//   "p3": "PERIOD_DESC",
//   "p4": 21
// }

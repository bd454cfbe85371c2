// source_campaign, read by: admin
// query { acquisitionSources { id campaign { id name } } }

// --- acquisitionSources
MATCH (n:AcquisitionSource)
RETURN n {.id, `campaign`: head(COLLECT {
  MATCH (n)-[:OF_CAMPAIGN]->(x1:Campaign)
  WITH x1
  LIMIT 1
  RETURN x1 {.id, .name} })} AS row
ORDER BY n.name, n.id
LIMIT $p0
// params
// {
//   "p0": 100
// }

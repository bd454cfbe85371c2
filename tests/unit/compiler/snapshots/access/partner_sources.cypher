// partner_sources, read by: partner with pii:read
// query { acquisitionSources { id name } }

// --- acquisitionSources
MATCH (n:AcquisitionSource)
RETURN n {.id, .name} AS row
ORDER BY n.name, n.id
LIMIT $p0
// params
// {
//   "p0": 100
// }

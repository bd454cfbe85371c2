// partner_node_acquisition_source, read by: partner
// query ($id: ID!) { node(id: $id) { id __typename } }
// variables: {"id": "src_00000000000000000000000000000002"}

// --- node
MATCH (n:AcquisitionSource {id: $p0})
RETURN n {.id, `__typename`: 'AcquisitionSource'} AS row
// params
// {
//   "p0": "src_00000000000000000000000000000002"
// }

// node_acquisition_source, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on AcquisitionSource { kind name } } }
// variables: {"id": "src_00000000000000000000000000000009"}

// --- node
MATCH (n:AcquisitionSource {id: $p0})
RETURN n {.id, .kind, .name, `__typename`: 'AcquisitionSource'} AS row
// params
// {
//   "p0": "src_00000000000000000000000000000009"
// }

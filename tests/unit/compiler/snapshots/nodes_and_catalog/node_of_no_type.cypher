// node_of_no_type, read by: admin
// query { node(id: "xyz_1") { id } }

// --- node
// no statement: nothing can match

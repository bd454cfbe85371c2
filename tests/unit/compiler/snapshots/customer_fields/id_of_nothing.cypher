// id_of_nothing, read by: admin
// query { customer(id: "nonsense") { id } }

// --- customer
// no statement: nothing can match

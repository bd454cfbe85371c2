// partner_node_employee, read by: partner
// query ($id: ID!) { node(id: $id) { id __typename } }
// variables: {"id": "emp_00000000000000000000000000000002"}

// --- node
// error FORBIDDEN at Query.employees: A partner key may not read Query.employees.

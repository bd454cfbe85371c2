// not_an_employee, read by: admin
// query { workQueue(owner: "cus_00000000000000000000000000000001") { priority } }

// --- workQueue
// error BAD_USER_INPUT at owner: 'cus_00000000000000000000000000000001' is not the id of a Employee.

// for_a_partner, read by: partner
// query { workQueue(owner: "emp_00000000000000000000000000000003") { priority } }

// --- workQueue
// error FORBIDDEN at Query.workQueue: A partner key may not read Query.workQueue.

// unassigned_for_an_agent, read by: agent
// query { workQueue { priority } }

// --- workQueue
// error FORBIDDEN at owner: The queue of customers nobody owns is the admins'.

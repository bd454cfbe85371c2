// search_agent, read by: agent
// query { searchCustomers(text: "ada") { score customer { id } } }

// --- searchCustomers
// error FORBIDDEN at text: Searching names and e-mails needs the pii:read scope.

// partner_employees, read by: partner
// query { employees { id } }

// --- employees
// error FORBIDDEN at Query.employees: A partner key may not read Query.employees.

// partner_sorted_by_due_at, read by: partner
// query { touchpoints(orderBy: DUE_AT_ASC) { nodes { id } } }

// --- touchpoints
// error FORBIDDEN at orderBy: A partner key may not sort by due time.

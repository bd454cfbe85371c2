// partner, read by: partner
// query { goals { totalCount } }

// --- goals
// error FORBIDDEN at Query.goals: A partner key may not read Query.goals.

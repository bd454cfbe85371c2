// partner, read by: partner
// query { campaigns { totalCount } }

// --- campaigns
// error FORBIDDEN at Query.campaigns: A partner key may not read Query.campaigns.

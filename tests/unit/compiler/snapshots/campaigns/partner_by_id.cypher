// partner_by_id, read by: partner
// query ($id: ID!) { campaign(id: $id) { id } }
// variables: {"id": "cmp_00000000000000000000000000000001"}

// --- campaign
// error FORBIDDEN at Query.campaign: A partner key may not read Query.campaign.

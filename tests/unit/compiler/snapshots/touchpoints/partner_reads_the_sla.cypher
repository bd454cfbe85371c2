// partner_reads_the_sla, read by: partner
// query { touchpoints { nodes { id sla { breached } } } }

// --- touchpoints
// error FORBIDDEN at Touchpoint.sla: A partner key may not read Touchpoint.sla.

// Campaigns: (:Campaign {name, kind, channel, periodFrom, periodTo, startsAt, endsAt,
// baselineStartsAt, budgetMinor, currency, deal, createdAt, createdBy, updatedAt}). A campaign is reached by the
// acquisition source of kind CAMPAIGN that stands for it, (:AcquisitionSource)-[:OF_CAMPAIGN]->
// (:Campaign), one each way; by the touchpoints that name it, (:Touchpoint)-[:IN_CAMPAIGN]->
// (:Campaign); a trade promotion also by what it promotes and who takes part,
// (:Campaign)-[:PROMOTES]->(:Product), (:Customer)-[:TAKES_PART_IN]->(:Campaign). Leads,
// conversions, revenue and lift are read from the graph, never stored. Each id is unique;
// lists of campaigns are sorted by the first day of their period.
CREATE CONSTRAINT campaign_id IF NOT EXISTS
FOR (n:Campaign) REQUIRE n.id IS UNIQUE;

CREATE INDEX campaign_period_from IF NOT EXISTS
FOR (n:Campaign) ON (n.periodFrom);

// by_external_id_without_value, read by: admin
// query { customerByExternalId(system: "shop", value: "") { id } }

// --- customerByExternalId
// error BAD_USER_INPUT at system: Give both the system and the value.

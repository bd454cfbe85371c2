"""Partners and the external-id systems they own."""

"""Contact pressure: how often, when and how the business may reach out to a customer."""

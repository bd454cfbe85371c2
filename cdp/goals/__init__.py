"""Goals: targets for a customer, an owner's accounts or the business, and their progress."""

"""The contact persons of organization customers."""

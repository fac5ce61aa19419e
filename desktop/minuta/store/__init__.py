"""The encrypted store: database, keys, audio containers."""

"""The pages of the settings dialog, shared with the first-start setup."""

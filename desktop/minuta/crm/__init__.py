"""Pushing what the user approved to a CRM: connectors, sign-in, outbox, redaction."""

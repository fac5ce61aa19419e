"""Sending an approved meeting summary to a CRM: the push dialog, the outbox runner."""

"""Minuta: local-first meeting recorder and notes for people who work in a CRM."""

__version__ = "0.1.0"
APP_NAME = "Minuta"

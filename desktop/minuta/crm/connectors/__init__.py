"""One module per CRM: each turns a push into its vendor's documented requests."""

"""Domain types and pure helpers: no Qt, no I/O."""

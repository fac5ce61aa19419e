"""Audio decoding, encoding and (later) capture."""

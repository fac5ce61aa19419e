"""Contract tests: each connector against its vendor's documented request and response shapes."""

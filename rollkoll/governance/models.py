"""governance models."""

"""notify models."""

"""audit models."""

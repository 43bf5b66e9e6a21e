"""Checks and their registry."""

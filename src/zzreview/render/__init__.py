"""Renderers: format a RunResult; they never decide."""

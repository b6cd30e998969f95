"""Indicators by their official definitions, computed from enterprise data in the store."""

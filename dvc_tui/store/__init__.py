"""Adapters: the SQLite account store and the install's secret key."""

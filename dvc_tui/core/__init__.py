"""The portal's rules in plain Python: no Textual, no SQLite, no keyring in here."""

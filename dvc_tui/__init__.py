"""dvc-tui: a terminal simulator of the National Public Service Portal's registration and login."""

__version__ = "0.1.0"

"""Staff and trainer sub-commands, one module each (see cli.COMMANDS)."""

"""The demo autoplay and the illustrated handbook: scripts that drive the real app by the
stable widget ids (script.py), the player that runs them on the app's loop (player.py), the app
that pauses on any key (app.py), and the handbook's screenshots (book.py)."""

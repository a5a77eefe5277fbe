"""The baseline: a minimal Textual app shaped like dvc-tui's home screen.

Same structure and about the same widget count as `HomeScreen` (a banner of two Statics, three
texts, three Buttons, a message line, a scrolling side pane holding one Static, a Footer),
pushed as a `Screen(id="home")` from `on_mount` just as `DvcApp` does, with a few lines of
inline CSS. No data dir, no services, no message catalog: what is left is Textual's own cost.

Run it by hand with `python benchmarks/minimal_app.py`.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static


class MinimalHome(Screen[None]):
    def compose(self) -> ComposeResult:
        with Vertical(id="banner"):
            yield Static("PORTAL", id="portal-name")
            yield Static("A tag line under the portal's name", id="portal-tagline")
        with Horizontal(id="layout"):
            with VerticalScroll(id="main"):
                yield Static("Home", classes="title")
                yield Static("A simulator, not the real thing", classes="subtitle")
                yield Static("Register an account or log in to continue.", classes="intro")
                with Horizontal(id="home-actions"):
                    yield Button("Register", id="register", variant="primary")
                    yield Button("Log in", id="login", variant="success")
                    yield Button("About", id="info")
                yield Static("", id="home-message")
            with VerticalScroll(id="side-pane"):
                yield Static("No messages yet.")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#home-message").display = False
        self.query_one("#register").focus()


class MinimalApp(App[None]):
    CSS = """
    #banner { height: auto; background: #0b4d9b; color: #ffffff; padding: 0 2; }
    #portal-name { text-style: bold; }
    #layout { height: 1fr; }
    #main { width: 1fr; padding: 0 2; }
    #side-pane { width: 38; border: round $secondary; padding: 0 1; }
    .title { text-style: bold; color: $primary; margin: 1 0 0 0; }
    #home-actions { height: auto; }
    #home-actions Button { margin: 0 1 0 0; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def on_mount(self) -> None:
        self.push_screen(MinimalHome(id="home"))


if __name__ == "__main__":
    MinimalApp().run()

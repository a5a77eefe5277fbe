"""DemoApp: the real DvcApp, playing a demo path; any key pauses it, another resumes it,
Esc stops it and leaves the app to the user, Ctrl+Q quits as always."""

from __future__ import annotations

import math

from textual import events

from dvc_tui.app import DvcApp
from dvc_tui.demo.player import Player


class DemoApp(DvcApp):
    def __init__(self, *args, paths: list[str], speed: float = 1.0, loop: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.player = Player(self, list(paths), speed=math.inf if speed <= 0 else speed, loop=loop)

    def on_mount(self) -> None:
        # DvcApp.on_mount (the home page, the services) runs too: Textual calls each class's.
        self.run_worker(self.player.run(), name="demo", group="demo", exit_on_error=False)

    async def on_event(self, event: events.Event) -> None:
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and not getattr(event, "demo", False)
            and self.player.active
            and event.key != "ctrl+q"
        ):
            if event.key == "escape":
                self.player.stop()
            else:
                self.player.toggle()
            event.stop()
            event.prevent_default()
            return
        await super().on_event(event)

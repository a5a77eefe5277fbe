"""The screens' side of the trainer's event log: a problem message appearing is an error event.

`PortalScreen.say` and `FormField.show_error` call `note_shown` with what they show. A message
made from a core Problem (core.text.problem_text: a `Said` with its `problem`) is logged by its
KEY, with the screen and the widget id; never its words, never what was typed. Showing the same
message again on the same widget, over the same typed value, is not a new error (a field
checked on leaving it and again on ĐĂNG KÝ); typing something else, or the message going away
in between, makes the next one count. A refusal shown under its field and repeated by the
button counts once; the same message said again in the other language does not count again.
"""

from __future__ import annotations

import functools
from typing import Any

_MEMORY = "_trainer_shown"
_LAST = "_trainer_last_problem"
_LAST_SCREEN = "_trainer_last_screen"
_ACTIVE = "_trainer_active"


def note_shown(screen: Any, target: str, message: Any, value: Any = None, *, field: bool = False) -> None:
    try:
        _note(screen, target, message, value, field)
    except Exception:  # noqa: BLE001 - a training aid never breaks the screen it watches
        pass


def _note(screen: Any, target: str, message: Any, value: Any, field: bool) -> None:
    if screen is None:
        return
    memory: dict[str, tuple] = screen.__dict__.setdefault(_MEMORY, {})
    problem = getattr(message, "problem", None) if message else None
    key = getattr(problem, "key", None)
    if not isinstance(key, str):
        memory.pop(target, None)  # cleared, or showing something that is not a problem
        return
    if field:
        seen = (key, repr(getattr(problem, "params", None)), value)
    else:
        from textual.widgets import Input

        seen = (key, None, tuple(getattr(widget, "value", "") for widget in screen.query(Input)))
    if memory.get(target) == seen:
        return
    memory[target] = seen
    if not field and screen.__dict__.get(_LAST) is problem:
        return  # the same refusal, under its field and again by the button (show_under)
    screen.__dict__[_LAST] = problem
    services = getattr(screen.app, "services", None)
    events = getattr(services, "events", None) if services is not None else None
    if events is not None:
        events.error(screen.id, target, key)


def note_entered(screen: Any) -> None:
    """A screen became the current one: a step entered (not when it is uncovered again by a
    dialog closing over it, nor when it is only passed through on the way back home)."""
    try:
        app = screen.app
        if app.screen is not screen or app.__dict__.get(_LAST_SCREEN) is screen:
            return
        app.__dict__[_LAST_SCREEN] = screen
        if screen.id == "home" and not app.__dict__.get(_ACTIVE):
            return  # the home page before any path: nothing to record (and nothing to load)
        services = getattr(app, "services", None)
        if services is not None:
            services.events.step(screen.id)
    except Exception:  # noqa: BLE001 - a training aid never breaks the screen it watches
        pass


def recorded(path: str):
    """Bracket a coordinator method of the App (an async method) as one path of the log."""

    def wrap(method):
        @functools.wraps(method)
        async def run(app, *args, **kwargs):
            app.__dict__[_ACTIVE] = True
            log = app.services.events
            log.enter(path)
            try:
                result = await method(app, *args, **kwargs)
            except BaseException:
                # Cancelled while the app runs (a kiosk wipe): the path was cancelled. The app
                # closing mid-path (no longer running): it stays started, not finished.
                log.leave(record=app.is_running)
                raise
            log.leave()
            return result

        return run

    return wrap

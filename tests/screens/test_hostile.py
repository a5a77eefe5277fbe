"""Hostile input through Pilot (issue 5, promise 5).

Hypothesis drives every text field, and each form whole, with arbitrary Unicode (surrogates
excepted), C0/C1 control characters, ANSI and OSC escape sequences, right-to-left overrides,
zero-width and combining characters, wide CJK and emoji, and 100,000-character pastes. A value
goes in either as a terminal paste (bracketed paste bytes, ESC[200~ ... ESC[201~) or typed: the
bytes fed through the terminal parser the app's drivers use (Textual's XTermParser, each paste
taken whole: dvc_tui.textual_compat.SafePasteParser), whose events go to the app as a
terminal's would. Command keys the parser makes of them (Esc, Tab, Enter, F-keys, Ctrl+Q, mouse
reports) are left out: they are not text, and their handling is tested elsewhere. Typed values
are short (Pilot handles each key); only pastes are huge.

Each example then submits and checks what a user would see and what the store holds:
  * the app raised nothing and still runs; the screen is the same one or a legitimate next one;
  * refused: a message is in place (under a field or by the button, never the catch-all
    "unexpected error"), and every field that keeps its text (all but passwords, PINs, codes
    and the captcha) holds exactly what it held before the submit;
  * the screen renders, with the portal's banner (or the dialog's title) on it, and no control,
    format or separator character reaches the terminal (`widgets.inputs.shown`);
  * every account in the store passes the portal's own checks (core.identity), and an account
    made by a whole-form example holds what was typed, normalised.

Starting an app costs about a second, so each app (a `Session`) runs on an event loop of its own
thread for a whole class of tests, and the sync @given tests send one coroutine per example to
that loop: hypothesis keeps its shrinking. The form is reset between examples.

Budget: DVC_TUI_HYPOTHESIS unset runs a few examples per test, derandomized (the normal suite);
DVC_TUI_HYPOTHESIS=long runs hundreds per test with random seeds (benchmarks/hostile.py, which
prints "examples run: N, failures: M"). DVC_TUI_HOSTILE_REPORT=path writes the counts as JSON.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import random
import shutil
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Checkbox, Input, OptionList

from dvc_tui.core.accounts import Level, Method, Subject
from dvc_tui.core.clock import FakeClock, local_today
from dvc_tui.core.identity import (
    parse_agency_code,
    parse_dob,
    parse_email,
    parse_full_name,
    parse_id_number,
    parse_org_name,
    parse_phone,
    parse_tax_code,
)
from dvc_tui.core.post import PAPERS
from dvc_tui.core.sim import TRAINING_SIMS
from dvc_tui.core.text import t
from dvc_tui.core.tokens import TRAINING_TOKENS
from dvc_tui.textual_compat import PASTE_LIMIT, SafePasteParser
from dvc_tui.widgets.field import FormField
from tests.conftest import CITIZEN, GOOD_PASSWORD

LONG = os.environ.get("DVC_TUI_HYPOTHESIS", "") == "long"
REPORT = os.environ.get("DVC_TUI_HOSTILE_REPORT")
SIZE = (100, 30)
STEP_TIMEOUT = 600 if LONG else 240
"""Seconds one example may take before it counts as a hang (a 100,000-character paste on a
loaded machine takes a few)."""


def hostile_settings(examples: int, long_examples: int = 400):
    return settings(
        max_examples=long_examples if LONG else examples,
        deadline=None,
        derandomize=not LONG,
        database=None,
        print_blob=True,
        suppress_health_check=list(HealthCheck),
    )


# -- the counts (benchmarks/hostile.py reads them) ---------------------------------------------
COUNTS: Counter = Counter()
OUTCOMES: dict[str, Counter] = {}


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if REPORT:
        Path(REPORT).write_text(
            json.dumps({"counts": dict(COUNTS), "outcomes": {k: dict(v) for k, v in OUTCOMES.items()}}, indent=1),
            encoding="utf-8",
        )


# -- the hostile values ------------------------------------------------------------------------
CONTROLS = [chr(code) for code in range(0x20)] + ["\x7f", "\x80", "\x85", "\x9b", "\x9c", "\x9f"]
ESCAPES = [
    "\x1b[2J", "\x1b]0;x\x07", "\x1b[31m", "\x1b[0m", "\x1b[H", "\x1b[6n", "\x1b[?1049h", "\x1bc",
    "\x1b]8;;http://example.invalid\x1b\\x\x1b]8;;\x1b\\", "\x1b]52;c;aGk=\x07", "\x1bP+q544e\x1b\\",
    "\x1b[200~", "\x1b[201~", "\x9b31m", "\x1b[<0;3;4M", "\x1b[I", "\x1b[O", "\x1b",
]
BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
        "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
SEPARATORS = ["\u00a0", "\u3000", "\u2028", "\u2029", "\u000b", "\u000c", "\r\n", "\n", "\t"]
COMBINING = ["\u0301", "\u0300", "\u0303", "\u0309", "\u0323", "\u0306", "\u031b", "\u20dd", "\u0489",
             "\u0301" * 40]
WIDE = ["漢", "字", "가", "ｗ", "１", "😀", "👨‍👩‍👧", "🇻🇳", "🏳️‍🌈", "ﷺ", "𒐫", "\U0010fffd"]
LOOK_ALIKE = ["Ｎguyễn", "Νguyen", "Nguyе", "０", "٣", "۳", "𝟘", "ⓐ", "ǅ", "ß", "İ", "ﬃ"]
MARKUP = ["[b]", "[/]", "[red]x[/red]", "[@click=app.quit]x[/]", "\\[", "$", "{}", "{0}", "%s", "'", '"', "<",
          ";--", "\\"]
VIETNAMESE = st.text("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ"
                     "ùủũúụừửữứựỳỷỹýỵ ĐÂ", max_size=12)

PIECE = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=6),
    st.sampled_from(CONTROLS),
    st.sampled_from(ESCAPES),
    st.sampled_from(BIDI),
    st.sampled_from(ZERO_WIDTH),
    st.sampled_from(SEPARATORS),
    st.sampled_from(COMBINING),
    st.sampled_from(WIDE),
    st.sampled_from(LOOK_ALIKE),
    st.sampled_from(MARKUP),
    st.text("0123456789", min_size=1, max_size=13),
    VIETNAMESE,
)
HOSTILE = st.lists(PIECE, max_size=10).map("".join)
TYPED = st.lists(PIECE, max_size=6).map("".join).map(lambda text: text[:80])
HUGE_LENGTH = 100_000


@st.composite
def huge(draw) -> str:
    """A 100,000-character paste: a hostile piece repeated (an escape sequence, a name, ...)."""
    piece = draw(st.lists(PIECE, min_size=1, max_size=4).map("".join).filter(bool))
    head = draw(st.sampled_from(["", CITIZEN["full-name"], CITIZEN["cccd"], "\x1b[2J"]))
    text = head + piece * (HUGE_LENGTH // len(piece) + 1)
    return text[:HUGE_LENGTH]


@dataclass(frozen=True)
class Right:
    """The right value of a field known only on the screen (the captcha's code, the SMS code, a
    PIN), written into `template` at `{}`: Right(" {} ") is the code between spaces."""

    template: str = "{}"


@dataclass(frozen=True)
class Entry:
    mode: str  # "paste" or "typed"
    text: str | Right


def entries(long_values: bool = True) -> st.SearchStrategy[Entry]:
    pasted = st.one_of(HOSTILE, huge()) if long_values else HOSTILE
    return st.one_of(
        st.builds(Entry, st.just("paste"), pasted),
        st.builds(Entry, st.just("typed"), TYPED),
    )


@st.composite
def around(draw, valid: str | Right) -> Entry:
    """A right value as a user might bring it: as is, between spaces, decomposed (NFD), or with
    a hostile piece somewhere in it."""
    template = valid.template if isinstance(valid, Right) else valid
    hole = "{}" if isinstance(valid, Right) else ""
    how = draw(st.sampled_from(["as is", "spaces", "nfd", "piece"]))
    if how == "spaces":
        template = draw(st.sampled_from([" ", "  ", "\t", "\u00a0"])) + template + draw(st.sampled_from(["", " ", "\t"]))
    elif how == "nfd":
        template = unicodedata.normalize("NFD", template)
    elif how == "piece":
        piece = draw(PIECE).replace("{", "{{").replace("}", "}}") if hole else draw(PIECE)
        at = draw(st.integers(0, len(template)))
        if hole and "{}" in template:
            at = draw(st.sampled_from([0, template.index("{}"), template.index("{}") + 2, len(template)]))
        template = template[:at] + piece + template[at:]
    text: str | Right = Right(template) if isinstance(valid, Right) else template
    mode = draw(st.sampled_from(["paste", "typed"]))
    return Entry(mode, text)


def whole_form(valid: dict[str, str | Right]) -> st.SearchStrategy[dict[str, Entry]]:
    """Every field at once: its right value, the right value disturbed, or a hostile value."""
    return st.fixed_dictionaries(
        {
            field_id: st.one_of(
                st.just(Entry("paste", value)), around(value), entries(long_values=False), entries()
            )
            for field_id, value in valid.items()
        }
    )


# -- one app on its own event loop ---------------------------------------------------------------
class Session:
    """One DvcApp under `run_test`, on an event loop of its own thread. `run` hands a coroutine
    function (app, pilot, ...) to that loop and waits for its result, so the sync @given tests can
    drive one app through many examples. Each step runs as a task started inside `run_test`'s
    block, so it sees the app's context (the active app) as a Pilot test's own lines do."""

    def __init__(self, app) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.pilot = None
        self.error: BaseException | None = None
        self._ready = threading.Event()
        self._jobs: asyncio.Queue | None = None
        self._task: asyncio.Task | None = None
        self._thread = threading.Thread(target=self._main, name="hostile-app", daemon=True)
        self._thread.start()
        if not self._ready.wait(180):
            raise RuntimeError("the app did not start")
        if self.error is not None:
            raise self.error

    def _main(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._serve())
        except BaseException as exc:  # noqa: BLE001 - re-raised by close() or run()
            self.error = exc
        finally:
            self._ready.set()
            self.loop.close()

    async def _serve(self) -> None:
        self._jobs = asyncio.Queue()
        async with self.app.run_test(size=SIZE) as pilot:
            self.pilot = pilot
            await settle(self.app, pilot)
            self._ready.set()
            while (job := await self._jobs.get()) is not None:
                step, args, done = job
                self._task = asyncio.create_task(step(self.app, pilot, *args))
                try:
                    done.set_result(await self._task)
                except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                    done.set_exception(exc)

    def run(self, step: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        if self.error is not None or not self._thread.is_alive():
            raise AssertionError(f"the app is no longer running: {self.error!r}")
        done: concurrent.futures.Future = concurrent.futures.Future()
        self.loop.call_soon_threadsafe(self._jobs.put_nowait, (step, args, done))
        try:
            return done.result(STEP_TIMEOUT)
        except concurrent.futures.TimeoutError:
            self.loop.call_soon_threadsafe(self._task.cancel)
            raise AssertionError(f"an example took more than {STEP_TIMEOUT} s: the app hangs") from None

    def close(self) -> None:
        if self._thread.is_alive() and self._jobs is not None:
            self.loop.call_soon_threadsafe(self._jobs.put_nowait, None)
            self._thread.join(120)
        if self.error is not None:
            raise self.error


BLOCKING_GROUPS = {"blocking", "startup", "kiosk-pin", "sim-cancel"}


async def settle(app, pilot, rounds: int = 6000) -> None:
    """Wait until every message sent so far is handled (and those they sent in turn), and the
    app's thread workers (store, hashing, signing, the kiosk PIN) are done. Cheaper than
    `pilot.pause()`, which sleeps until the process looks idle: an example costs a tenth of it."""
    quiet = 0
    for _ in range(rounds):
        await pilot._wait_for_screen()
        await asyncio.sleep(0)
        busy = any(w.group in BLOCKING_GROUPS and not w.is_finished for w in app.workers)
        queued = any(node._message_queue.qsize() for node in (app, *app.screen.walk_children(with_self=True)))
        # A message being handled is out of its queue: only a second quiet round in a row
        # (which waits for every node to handle what was queued before it) proves it done.
        quiet = 0 if busy or queued else quiet + 1
        if quiet == 2:
            return
        if busy:
            await asyncio.sleep(0.005)
    raise AssertionError("the app never settled")


@pytest.fixture(scope="module")
def token_dir(tmp_path_factory) -> Path:
    """A data dir holding the training tokens (made once: EC keys and a CA)."""
    from dvc_tui.config import Config
    from dvc_tui.services import Services

    path = tmp_path_factory.mktemp("hostile-tokens") / "data"
    services = Services(Config.load(path, "vi", "test", False), clock=FakeClock(), rng=random.Random(7))
    services.tokens.install_training()
    services.close()
    return path


def start_session(tmp_path_factory, name: str, *, template: Path | None = None, **options) -> Session:
    from dvc_tui.app import DvcApp

    data = tmp_path_factory.mktemp(f"hostile-{name}") / "data"
    if template is not None:
        shutil.copytree(template, data)
    prepare = options.pop("prepare", None)
    if prepare is not None:
        prepare(data)
    app = DvcApp(data, clock=FakeClock(), rng=random.Random(1234), hash_cost="test", use_keyring=False,
                 language="vi", **options)
    return Session(app)


# -- driving the screens -------------------------------------------------------------------------
EDIT_KEYS = {"backspace", "delete", "left", "right", "home", "end", "ctrl+a", "ctrl+e", "ctrl+w", "ctrl+u",
             "ctrl+f", "ctrl+d", "ctrl+h", "ctrl+left", "ctrl+right", "shift+left", "shift+right",
             "shift+home", "shift+end"}


PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def pasted_bytes(text: str) -> str:
    """A paste as a terminal sends it, bracketed; the end marker kept out of the text, as a
    terminal that guards its pastes does (one that does not ends the paste there: a limit)."""
    return PASTE_START + text.replace(PASTE_END, "") + PASTE_END


def terminal_events(text: str) -> list:
    """What a terminal's bytes become in the app: the parser its drivers use (Textual's, with
    each bracketed paste taken whole: dvc_tui.textual_compat), keys and pastes; only text and
    editing keys kept (see the module's docstring)."""
    if not text:
        return []
    parser = SafePasteParser()
    parsed = [*parser.feed(text), *parser.feed("")]  # "" is the end of the input
    return [
        event
        for event in parsed
        if isinstance(event, events.Paste)
        or (isinstance(event, events.Key) and (event.is_printable or event.key in EDIT_KEYS))
    ]


async def enter(app, pilot, group: "Group", widget_id: str, entry: Entry) -> None:
    """Put `entry` into a field: focus it, then a terminal paste or the typed keys, sent as the
    terminal driver sends them; then wait until they are handled (the driver's messages arrive
    after any focus moved later, so each field's entry must be in before the next one starts)."""
    text = entry.text
    if isinstance(text, Right):
        text = text.template.format(group.right(app, widget_id))
    field = app.screen.query_one(f"#{widget_id}", Input)
    field.focus()
    before = field.value
    driver = app._driver
    if entry.mode == "paste":  # bracketed paste bytes, through the terminal parser
        pasted = [event for event in terminal_events(pasted_bytes(text)) if isinstance(event, events.Paste)]
        assert len(pasted) == 1  # one paste: nothing in it became a key
        for event in pasted:
            driver.process_message(event)
    else:
        for event in terminal_events(text):
            driver.process_message(event)
    await settle(app, pilot)
    if entry.mode == "paste":  # an Input takes a paste's first line, or refuses it whole
        text = text.replace(PASTE_END, "").replace("\x00", "")
        first_line = text.splitlines()[0] if text else ""
        assert field.value in (before + first_line, before), f"#{widget_id} got {field.value[:80]!r}"
        if len(first_line) > min(field.max_length or PASTE_LIMIT, PASTE_LIMIT):
            assert field.value == before, f"#{widget_id} took a paste longer than it takes"


async def key(app, pilot, widget_id: str, name: str = "enter") -> None:
    """Focus a widget and press a key on it, as the terminal driver delivers a key.

    A Button ignores Enter while it still shows its last press (Textual's 0.2 s "-active"
    effect): a person cannot press twice that fast, the examples can, so they wait it out."""
    widget = app.screen.query_one(f"#{widget_id}")
    for _ in range(100):
        if not widget.has_class("-active"):
            break
        await pilot.pause(0.02)
    widget.focus()
    app._driver.process_message(events.Key(name, "\r" if name == "enter" else None))


async def click(app, pilot, selector: str) -> None:
    """Press a button as a keyboard user does (focus, Enter): cheaper than a mouse click with
    Pilot, which waits for the process to look idle; the mouse is not what is tested here."""
    from textual.widgets import Button

    widget = app.screen.query_one(selector)
    if isinstance(widget, Button):
        await key(app, pilot, widget.id)
    else:
        widget.scroll_visible(animate=False, immediate=True)
        await settle(app, pilot)
        await pilot.click(selector)
    await settle(app, pilot)


async def press(app, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def go_home(app, pilot) -> None:
    """Leave whatever path is under way, as a user would: Esc on a dialog, F4 (Hủy) elsewhere."""
    from textual.screen import ModalScreen

    for _ in range(12):
        await settle(app, pilot)
        if app.screen.id == "home":
            return
        if getattr(app.screen, "busy", False):
            continue
        await pilot.press("escape" if isinstance(app.screen, ModalScreen) else "f4")
    raise AssertionError(f"could not get home from {app.screen.id}")


async def start_path(app, pilot, first: str, *buttons: str) -> None:
    await go_home(app, pilot)
    await click(app, pilot, f"#{first}")
    for button in buttons:
        await click(app, pilot, f"#{button}")
    await settle(app, pilot)


def captcha_code(app) -> str:
    return str(app.screen.query_one("#captcha-code").render())


def last_code(app) -> str:
    import re

    return re.search(r"\b(\d{6})\b", app.recent_sms[0].body).group(1)


# -- what the user sees --------------------------------------------------------------------------
MESSAGE_SELECTORS = ".field-error, .message, .sim-error, #kiosk-pin-message"
UNEXPECTED = t("error.unexpected", detail="").split(";")[0]


def visible(widget) -> bool:
    """Displayed, and so is every container up to the screen (a hidden tab's are not)."""
    node = widget
    while node is not None and node is not widget.screen:
        if not node.display:
            return False
        node = node.parent
    return True


def messages(app) -> list[str]:
    """The messages shown on the current screen (under fields, by buttons, on a SIM card)."""
    shown = []
    for widget in app.screen.query(MESSAGE_SELECTORS):
        if visible(widget):
            text = str(widget.render()).strip()
            if text:
                shown.append(text)
    return shown


FORBIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def rendered(app) -> list[str]:
    """The screen as the compositor sends it to the terminal: the text of each row."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return ["".join(segment.text for segment in strip) for strip in update.strips]


def check_renders(app, landmark: str) -> None:
    rows = rendered(app)
    screen = "\n".join(rows)
    assert landmark in screen, f"{landmark!r} is not on the screen {app.screen.id}:\n{screen}"
    bad = sorted({f"U+{ord(ch):04X}" for row in rows for ch in row if unicodedata.category(ch) in FORBIDDEN})
    assert not bad, f"characters that are not text reach the terminal on {app.screen.id}: {bad}"


def check_running(app) -> None:
    assert app._exception is None, f"the app raised {app._exception!r}"
    assert app.is_running, "the app stopped"


def check_store(app) -> None:
    """Every account in the store passes the portal's own checks."""
    store, today = app.services.store, local_today(app.services.clock)
    for account in store.iter_accounts():
        name = account.username
        if account.subject is Subject.CITIZEN:
            assert parse_id_number(name).value == name, account
            assert parse_full_name(account.full_name) == account.full_name, account
        elif account.subject is Subject.BUSINESS:
            assert parse_tax_code(name).formatted == name, account
            assert parse_org_name(account.full_name) == account.full_name, account
        else:
            assert parse_agency_code(name).value == name, account
            assert parse_org_name(account.full_name) == account.full_name, account
        if account.phone or account.method is not Method.USB:
            assert parse_phone(account.phone).e164 == account.phone, account
        if account.email is not None:
            assert parse_email(account.email) == account.email, account
        if account.representative is not None:
            assert parse_full_name(account.representative) == account.representative, account
        if account.dob is not None:
            assert date(1900, 1, 1) <= account.dob <= today, account
        assert account.level is (Level.IAL3 if account.signs_in else Level.IAL2), account
        if account.signs_in:
            assert account.password_hash is None, account
        else:
            assert account.password_hash.startswith("$argon2id$"), account


# -- a group of fields and the example ------------------------------------------------------------
Step = Callable[..., Awaitable[Any]]


@dataclass
class Group:
    name: str
    screen: str  # the id of the screen the examples start on
    fields: tuple[str, ...]
    valid: dict[str, str | Right]  # what the other fields hold while one is tested
    reach: Step  # (app, pilot): from anywhere to the screen, ready for an example
    submit: Step  # (app, pilot): the key that submits (its handling is waited for)
    moves_to: tuple[str, ...] = ()  # screens an accepted submit legitimately leads to
    kept: frozenset[str] = frozenset()  # fields whose text survives a refusal
    rights: dict[str, Callable[[Any], str]] | None = None  # field -> its right value, read on screen
    accepted: Step | None = None  # (app, pilot, values): checks and gets back after a move on
    ready: Callable[[Any], bool] | None = None  # on the screen, and ready for an example?
    accepted_here: Callable[[Any], bool] | None = None  # accepted without leaving the screen?
    clear: Callable[[Any], None] | None = None  # clear what the screen said (beyond fields, messages)
    landmark: str = t("portal.name")
    ids: Callable[[Any], dict[str, str]] | None = None  # field -> widget id, when made at run time

    def right(self, app, field_id: str) -> str:
        return (self.rights or {})[self.field_of(app, field_id)](app)

    def widget_id(self, app, field_id: str) -> str:
        return self.ids(app).get(field_id, field_id) if self.ids else field_id

    def field_of(self, app, widget_id: str) -> str:
        if self.ids:
            for field_id, made in self.ids(app).items():
                if made == widget_id:
                    return field_id
        return widget_id


async def play(app, pilot, group: Group, chosen: dict[str, Entry]) -> str:
    """One example: the chosen fields get their entries, the others their right values; submit;
    check. Returns "refused" or "accepted"."""
    if app.screen.id != group.screen or (group.ready is not None and not group.ready(app)):
        await group.reach(app, pilot)
    assert app.screen.id == group.screen and (group.ready is None or group.ready(app)), messages(app)
    screen = app.screen
    for field in screen.query(FormField):
        field.show_error(None)
    if hasattr(screen, "say"):
        for widget in screen.query(".message"):
            if widget.id:
                screen.say(widget.id, None)
    if group.clear is not None:
        group.clear(app)
    for field_id in group.fields:  # the others hold their right values, the chosen are emptied
        widget_id = group.widget_id(app, field_id)
        valid = "" if field_id in chosen else group.valid.get(field_id, "")
        if isinstance(valid, Right):
            valid = valid.template.format(group.right(app, widget_id))
        screen.query_one(f"#{widget_id}", Input).value = valid
    if not chosen:
        await settle(app, pilot)
    for field_id, entry in chosen.items():
        await enter(app, pilot, group, group.widget_id(app, field_id), entry)
    ids = {field_id: group.widget_id(app, field_id) for field_id in group.fields}
    before = {field_id: screen.query_one(f"#{ids[field_id]}", Input).value for field_id in group.fields}
    await group.submit(app, pilot)
    await settle(app, pilot)

    check_running(app)
    check_renders(app, group.landmark)
    if LONG or COUNTS["examples"] % 10 == 1:
        app.export_screenshot()  # the SVG export (as `save_screenshot`) works too
    if app.screen is screen and not (group.accepted_here is not None and group.accepted_here(app)):
        outcome = "refused"
        said = messages(app)
        assert said, (
            f"{group.name}: refused without a message; fields {_short(before)}, now {_short(values_now(app, ids))}, "
            f"focus {getattr(app.focused, 'id', None)}, messages {[(w.id, visible(w)) for w in screen.query(MESSAGE_SELECTORS)]}"
        )
        assert not any(UNEXPECTED in text for text in said), f"{group.name}: {said}"
        for field_id in group.kept:
            now = screen.query_one(f"#{ids[field_id]}", Input).value
            assert now == before[field_id], f"{group.name}: #{field_id} lost what was typed"
    else:
        outcome = "accepted"
        assert app.screen is screen or app.screen.id in group.moves_to, (
            f"{group.name}: went to {app.screen.id} with {_short(before)}"
        )
        if group.accepted is not None:
            await group.accepted(app, pilot, before)
            check_running(app)
    check_store(app)
    return outcome


def values_now(app, ids: dict[str, str]) -> dict[str, str]:
    return {field_id: widget.value for field_id, widget_id in ids.items() for widget in app.screen.query(f"#{widget_id}")}


async def said(app, pilot) -> tuple[str | None, list[str]]:
    """Where the app is and what it says (for a failing test's message)."""
    return app.screen.id, messages(app)


def _short(values: dict[str, str]) -> dict[str, str]:
    return {k: (v if len(v) < 60 else f"{v[:40]!r}... ({len(v)} chars)") for k, v in values.items()}


def run_example(session: Session, group: Group, chosen: dict[str, Entry]) -> str:
    COUNTS["examples"] += 1
    COUNTS[f"examples:{group.name}"] += 1
    try:
        outcome = session.run(play, group, chosen)
    except BaseException:
        COUNTS["failing examples"] += 1
        COUNTS[f"failing examples:{group.name}"] += 1
        raise
    OUTCOMES.setdefault(group.name, Counter())[outcome] += 1
    return outcome


def rights_in_long(field_id: str) -> list[st.SearchStrategy[dict[str, Entry]]]:
    """The field's right value (a code, a PIN) disturbed: accepted often, and each acceptance
    walks a whole path again; the normal suite leaves it to an explicit example."""
    return [around(Right()).map(lambda entry: {field_id: entry})] if LONG else []


def one_field(group: Group) -> st.SearchStrategy[dict[str, Entry]]:
    return st.tuples(st.sampled_from(group.fields), entries()).map(lambda pair: {pair[0]: pair[1]})


# -- the registration forms (one app) --------------------------------------------------------------
# An accepted example leaves the app where the portal took it (a legitimate next screen, checked);
# the next example walks back to its own screen only if it needs to (Group.reach).
MOBILE_VALID = {**CITIZEN, "email": "an.nguyen@example.vn", "captcha": Right()}
BHXH_VALID = {"bhxh": "0110012345", "cccd": CITIZEN["cccd"], "full-name": CITIZEN["full-name"],
              "dob": CITIZEN["dob"], "captcha": Right()}
POST_VALID = {**CITIZEN, "email": "an.nguyen@example.vn"}
CAPTCHA = {"captcha": captcha_code}
KEPT_FORM = frozenset({"cccd", "full-name", "dob", "phone", "email", "bhxh", "tax-code", "org-name",
                       "agency-code", "representative"})


async def submit_button(app, pilot) -> None:
    """ĐĂNG KÝ / ĐĂNG NHẬP / GỬI MÃ: focused and Enter, as a keyboard user presses it."""
    await key(app, pilot, "submit")


def enter_in(widget_id: str) -> Step:
    """Enter in a field (the code, a PIN, the SIM tab's name), which submits it."""

    async def submit(app, pilot) -> None:
        await key(app, pilot, widget_id)

    return submit


async def back_from_code(app, pilot, values) -> None:
    """Accepted: the code screen. Back to the form (the code is not used); the clock moves on a
    quarter of an hour so the next code is not refused for being too soon."""
    assert app.screen.id == "otp"
    app.services.clock.advance(minutes=15)
    await press(app, pilot, "escape")


async def to_mobile(app, pilot) -> None:
    await start_path(app, pilot, "register", "subject-citizen", "method-mobile")


async def to_bhxh(app, pilot) -> None:
    await start_path(app, pilot, "register", "subject-citizen", "method-bhxh")


async def to_post(app, pilot) -> None:
    await start_path(app, pilot, "register", "subject-citizen", "method-post")
    for paper in PAPERS:
        app.screen.query_one(f"#paper-{paper}", Checkbox).value = True
    await settle(app, pilot)


def form_group(name, screen, valid, reach, *, captcha=True) -> Group:
    return Group(
        name=name, screen=screen, fields=tuple(valid), valid=valid, reach=reach, submit=submit_button,
        moves_to=("otp",), kept=KEPT_FORM & set(valid), rights=CAPTCHA if captcha else None,
        accepted=back_from_code,
    )


MOBILE = form_group("register-mobile", "register-mobile", MOBILE_VALID, to_mobile)
BHXH = form_group("register-bhxh", "register-bhxh", BHXH_VALID, to_bhxh)
POST = form_group("register-post", "register-post", POST_VALID, to_post, captcha=False)


class TestRegistrationForms:
    @pytest.fixture(scope="class")
    def forms(self, tmp_path_factory):
        session = start_session(tmp_path_factory, "forms")
        yield session
        session.close()

    @hostile_settings(3, 200)
    @given(chosen=one_field(MOBILE))
    @example(chosen={"full-name": Entry("paste", "\x1b[2J\x1b]0;x\x07\x1b[31mAn\u202e\u200b")})
    @example(chosen={"phone": Entry("paste", "0828123088\x00" * 10_000)})
    def test_each_field_of_the_mobile_form(self, forms, chosen):
        run_example(forms, MOBILE, chosen)

    def test_right_values_brought_carelessly_are_accepted(self, forms):
        outcome = run_example(forms, MOBILE, {
            "cccd": Entry("paste", " 001090012345\u00a0"),
            "full-name": Entry("typed", unicodedata.normalize("NFD", "  Nguyễn  Văn An ")),
            "dob": Entry("paste", "1/1/1990"),
            "phone": Entry("paste", "+84 828 123 088"),
            "email": Entry("paste", "An.Nguyen@EXAMPLE.VN"),
            "captcha": Entry("typed", Right()),
        })
        assert outcome == "accepted"

    @hostile_settings(2, 100)
    @given(chosen=whole_form(MOBILE_VALID))
    def test_the_whole_mobile_form(self, forms, chosen):
        run_example(forms, MOBILE, chosen)

    @hostile_settings(2, 120)
    @given(chosen=one_field(BHXH))
    def test_each_field_of_the_bhxh_form(self, forms, chosen):
        run_example(forms, BHXH, chosen)

    @hostile_settings(1, 60)
    @given(chosen=whole_form(BHXH_VALID))
    def test_the_whole_bhxh_form(self, forms, chosen):
        run_example(forms, BHXH, chosen)

    @hostile_settings(2, 120)
    @given(chosen=one_field(POST))
    def test_each_field_of_the_post_form(self, forms, chosen):
        run_example(forms, POST, chosen)

    @hostile_settings(1, 60)
    @given(chosen=whole_form(POST_VALID))
    def test_the_whole_post_form(self, forms, chosen):
        run_example(forms, POST, chosen)


# -- the code, the password: a registration's later steps (one app) ---------------------------
async def to_code(app, pilot) -> None:
    """A fresh registration up to the code screen (any account of an earlier example removed)."""
    await go_home(app, pilot)
    app.services.store.reset_accounts()
    app.services.clock.advance(hours=1)
    await to_mobile(app, pilot)
    for field_id, value in CITIZEN.items():
        app.screen.query_one(f"#{field_id}", Input).value = value
    app.screen.query_one("#captcha", Input).value = captcha_code(app)
    await click(app, pilot, "#submit")
    assert app.screen.id == "otp", messages(app)


async def to_password(app, pilot) -> None:
    await to_code(app, pilot)
    app.screen.query_one("#otp-code", Input).value = last_code(app)
    await key(app, pilot, "otp-code")
    await settle(app, pilot)
    assert app.screen.id == "set-password", messages(app)


async def code_accepted(app, pilot, values) -> None:
    assert app.screen.id == "set-password"


async def password_accepted(app, pilot, values) -> None:
    """Accepted: the account is made with this password, and it verifies."""
    assert app.screen.id == "registered"
    account = app.services.store.get_account(CITIZEN["cccd"])
    assert account is not None and app.services.hasher.verify(account.password_hash, values["password"])


OTP = Group(
    name="otp", screen="otp", fields=("otp-code",), valid={"otp-code": ""}, reach=to_code,
    submit=enter_in("otp-code"), moves_to=("set-password",), rights={"otp-code": last_code},
    accepted=code_accepted,
)
SET_PASSWORD = Group(
    name="set-password", screen="set-password", fields=("password", "password-confirm"),
    valid={"password": GOOD_PASSWORD, "password-confirm": GOOD_PASSWORD}, reach=to_password,
    submit=submit_button, moves_to=("registered",), accepted=password_accepted,
)


@st.composite
def password_pair(draw) -> dict[str, Entry]:
    password = draw(st.one_of(entries(), around(GOOD_PASSWORD)))
    confirm = draw(st.one_of(st.just(password), entries(), around(GOOD_PASSWORD)))
    if not LONG and password == confirm:  # the normal suite: an account made is a test's own
        confirm = Entry("paste", "")
    return {"password": password, "password-confirm": confirm}


async def through_to_the_account(app, pilot, values) -> None:
    """Accepted: the code from the SMS, a password, and the account holds the form's values
    as the portal's checks normalise them."""
    assert app.screen.id == "otp"
    app.screen.query_one("#otp-code", Input).value = last_code(app)
    await key(app, pilot, "otp-code")
    await settle(app, pilot)
    assert app.screen.id == "set-password", messages(app)
    for field_id in ("password", "password-confirm"):
        app.screen.query_one(f"#{field_id}", Input).value = GOOD_PASSWORD
    await click(app, pilot, "#submit")
    assert app.screen.id == "registered", messages(app)
    account = app.services.store.get_account(parse_id_number(values["cccd"]).value)
    assert account is not None
    assert account.full_name == parse_full_name(values["full-name"])
    assert account.dob == parse_dob(values["dob"], local_today(app.services.clock))
    assert account.phone == parse_phone(values["phone"]).e164
    assert account.email == parse_email(values["email"])
    check_store(app)
    MADE.append(account)


async def to_fresh_mobile(app, pilot) -> None:
    await go_home(app, pilot)
    app.services.store.reset_accounts()
    app.services.clock.advance(hours=1)
    await to_mobile(app, pilot)


MADE: list = []
"""The accounts whole registrations made, newest last."""
REGISTER_THROUGH = Group(
    name="register-through", screen="register-mobile", fields=tuple(MOBILE_VALID), valid=MOBILE_VALID,
    reach=to_fresh_mobile, submit=submit_button, moves_to=("otp",), kept=KEPT_FORM & set(MOBILE_VALID),
    rights=CAPTCHA, accepted=through_to_the_account,
    ready=lambda app: app.services.store.count_accounts() == 0,
)


class TestCodeAndPassword:
    @pytest.fixture(scope="class")
    def path(self, tmp_path_factory):
        session = start_session(tmp_path_factory, "path")
        yield session
        session.close()

    @hostile_settings(2, 120)
    @given(chosen=st.one_of(one_field(OTP), *rights_in_long("otp-code")))
    @example(chosen={"otp-code": Entry("paste", "\x1b[31m123456")})
    def test_the_code(self, path, chosen):
        run_example(path, OTP, chosen)

    def test_the_right_code_between_spaces_is_accepted(self, path):
        path.run(to_code)  # a new code: the wrong ones before may have used up its tries
        assert run_example(path, OTP, {"otp-code": Entry("paste", Right(" {} "))}) == "accepted"

    @hostile_settings(2, 150)
    @given(chosen=st.one_of(one_field(SET_PASSWORD), password_pair()))
    @example(chosen={"password": Entry("paste", "Abcdef1!\u200b"), "password-confirm": Entry("paste", "Abcdef1!\u200b")})
    def test_the_password(self, path, chosen):
        run_example(path, SET_PASSWORD, chosen)

    def test_a_password_of_any_script_makes_the_account(self, path):
        chosen = {"password": Entry("typed", "Mật khẩu漢1!"), "password-confirm": Entry("typed", "Mật khẩu漢1!")}
        assert run_example(path, SET_PASSWORD, chosen) == "accepted"

    def test_a_whole_registration_stores_what_was_typed_normalised(self, path):
        """The mobile form whole, decorated but right, through the code and the password: the
        stored account holds the normalised values."""
        MADE.clear()
        outcome = run_example(path, REGISTER_THROUGH, {
            "cccd": Entry("paste", "\t001090012345 "),
            "full-name": Entry("paste", unicodedata.normalize("NFD", "nguyễn   văn an")),
            "dob": Entry("paste", " 01/01/1990"),
            "phone": Entry("typed", "0828.123.088"),
            "email": Entry("paste", " An@Example.VN "),
            "captcha": Entry("typed", Right(" {} ")),
        })
        assert outcome == "accepted" and MADE, "the right values, decorated, were refused"
        account = MADE[-1]
        assert (account.full_name, account.phone, account.email) == ("nguyễn văn an", "+84828123088", "An@example.vn")

    @hostile_settings(1, 50)
    @given(chosen=whole_form(MOBILE_VALID))
    def test_whole_registrations_store_only_valid_accounts(self, path, chosen):
        run_example(path, REGISTER_THROUGH, chosen)


# -- SIM ký số: the forms and the phone's signing card (one app) ------------------------------
SIMS = {spec.tag: spec for spec in TRAINING_SIMS}
SIM_VALID = {
    "citizen": {"cccd": "031195000333", "full-name": "Phạm Thị Lan", "phone": "0703000333", "email": "",
                "captcha": Right()},
    "business": {"tax-code": "0109998883", "org-name": "Công ty TNHH Thương mại Sao Mai",
                 "representative": "Nguyễn Thị Hạnh", "phone": "0903888999", "email": "ketoan@saomai.example.vn",
                 "captcha": Right()},
    "agency": {"agency-code": "000.00.01.h99", "org-name": "Trung tâm Phục vụ hành chính công (mô phỏng)",
               "phone": "0889000111", "email": "vanthu@hcc.example.gov.vn", "captcha": Right()},
}


def sim_waiting(app) -> bool:
    from dvc_tui.widgets.sim_wait import SimWait

    return any(wait.waiting for wait in app.screen.query(SimWait))


def to_sim(subject: str) -> Step:
    async def reach(app, pilot) -> None:
        app.services.clock.advance(minutes=15)  # past the limit of requests to one number
        await start_path(app, pilot, "register", f"subject-{subject}", "method-sim")

    return reach


async def sim_sent(app, pilot, values) -> None:
    """Accepted: the signing request went to the phone (the next example starts a new form,
    which abandons it)."""
    assert sim_waiting(app)
    phone = parse_phone(values["phone"]).e164
    assert pending_card(app, phone) is not None, f"no card on the phone pane for {phone}"


def sim_group(subject: str) -> Group:
    valid = SIM_VALID[subject]
    return Group(
        name=f"register-sim-{subject}", screen="register-sim", fields=tuple(valid), valid=valid,
        reach=to_sim(subject), submit=submit_button, kept=KEPT_FORM & set(valid), rights=CAPTCHA,
        accepted=sim_sent, accepted_here=sim_waiting,
        ready=lambda app: app.screen.subject is Subject(subject) and not sim_waiting(app),
    )


SIM_FORMS = {subject: sim_group(subject) for subject in SIM_VALID}


def pending_card(app, phone: str = SIMS["citizen"].phone):
    """The newest card in the phone pane still waiting for the PIN of the SIM on `phone`."""
    from dvc_tui.widgets.sim_request import SimRequestCard

    cards = [card for card in app.screen.query(SimRequestCard) if card.pending and card.request.phone == phone]
    return max(cards, key=lambda card: card.request.id) if cards else None


async def to_card(app, pilot) -> None:
    """A citizen's SIM registration sent: the phone's card waits for the PIN. A SIM locked by
    the wrong PINs of earlier examples is unlocked first (the carrier's reset)."""
    with app.services.store.transaction() as db:
        db.execute("UPDATE sims SET failed_pins = 0, locked = 0")
    app.services.store.reset_accounts()
    await to_sim("citizen")(app, pilot)
    for field_id, value in SIM_VALID["citizen"].items():
        if isinstance(value, str):
            app.screen.query_one(f"#{field_id}", Input).value = value
    app.screen.query_one("#captcha", Input).value = captcha_code(app)
    await click(app, pilot, "#submit")
    assert pending_card(app) is not None, messages(app)


def card_ids(app) -> dict[str, str]:
    card = pending_card(app)
    return {"sim-pin": f"sim-pin-{card.request.id}" if card is not None else "sim-pin-none"}


async def card_answered(app, pilot, values) -> None:
    """Accepted: the right PIN signed; the account is made at level 3 and checked."""
    assert app.screen.id == "registered", messages(app)
    account = app.services.store.get_account(SIMS["citizen"].identifier)
    assert account is not None and account.method is Method.SIM


SIM_CARD = Group(
    name="sim-card", screen="register-sim", fields=("sim-pin",), valid={"sim-pin": ""}, reach=to_card,
    submit=lambda app, pilot: key(app, pilot, card_ids(app)["sim-pin"]), moves_to=("registered",),
    rights={"sim-pin": lambda app: SIMS["citizen"].pin}, accepted=card_answered, ids=card_ids,
    ready=lambda app: app.screen.subject is Subject.CITIZEN and pending_card(app) is not None, clear=lambda app: pending_card(app)._say(None),
)


class TestSim:
    @pytest.fixture(scope="class")
    def sim(self, tmp_path_factory):
        session = start_session(tmp_path_factory, "sim")
        yield session
        session.close()

    @pytest.mark.parametrize("subject", list(SIM_VALID))
    @hostile_settings(2, 100)
    @given(data=st.data())
    def test_the_sim_form_field_by_field_and_whole(self, sim, subject, data):
        group = SIM_FORMS[subject]
        run_example(sim, group, data.draw(st.one_of(one_field(group), whole_form(SIM_VALID[subject])), label="chosen"))

    @hostile_settings(2, 120)
    @given(chosen=st.one_of(one_field(SIM_CARD), *rights_in_long("sim-pin")))
    @example(chosen={"sim-pin": Entry("paste", "2468\x1b[2J10")})
    def test_the_pin_on_the_phone_card(self, sim, chosen):
        run_example(sim, SIM_CARD, chosen)

    def test_the_right_pin_typed_on_the_card_makes_the_account(self, sim):
        assert run_example(sim, SIM_CARD, {"sim-pin": Entry("typed", Right())}) == "accepted", sim.run(said)


# -- USB ký số: the token's PIN, then the form (one app) --------------------------------------
TOKENS = {spec.tag: spec for spec in TRAINING_TOKENS}


async def choose_token(app, pilot, identifier: str) -> None:
    """With the keyboard, as a user: the list, ↑/↓ to the holder's token, Enter."""
    option_list = app.screen.query_one("#token-list", OptionList)
    option_list.focus()
    await pilot.press("home")
    for _ in range(len(option_list.options)):
        chosen = app.screen.query_one("#token-picker").chosen
        if chosen is not None and chosen.holder.identifier == identifier:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.query_one("#token-picker").chosen.holder.identifier == identifier


def cert_shown(app) -> bool:
    return visible(app.screen.query_one("#cert-review"))


def unlock_token(app, tag: str) -> None:
    """The issuer's reset of a training token the wrong PINs of earlier examples locked."""
    from dataclasses import replace

    from dvc_tui.store.tokens import FileTokenStore

    store = FileTokenStore(app.services.config.data_dir)
    for info in app.services.tokens.plugged_in():
        if info.training == tag:
            store.update_state(info.serial, lambda state: replace(state, failed_pins=0, locked=False))


async def to_usb_pin(app, pilot) -> None:
    unlock_token(app, "citizen")
    await start_path(app, pilot, "register", "subject-citizen", "method-usb")
    await choose_token(app, pilot, TOKENS["citizen"].identifier)


async def certificate_read(app, pilot, values) -> None:
    """Accepted: the PIN opened the token; the review shows and the fields follow."""
    assert cert_shown(app)


USB_PIN = Group(
    name="register-usb-pin", screen="register-usb", fields=("token-pin",), valid={"token-pin": ""},
    reach=to_usb_pin, submit=enter_in("token-pin"), rights={"token-pin": lambda app: TOKENS["citizen"].pin},
    accepted=certificate_read, ready=lambda app: app.screen.subject is Subject.CITIZEN and not cert_shown(app),
    accepted_here=cert_shown,
)


async def to_usb_fields(app, pilot) -> None:
    """A business's token read (its PIN typed): the representative, the email, the captcha."""
    await go_home(app, pilot)
    app.services.store.reset_accounts()
    await start_path(app, pilot, "register", "subject-business", "method-usb")
    await choose_token(app, pilot, TOKENS["business"].identifier)
    app.screen.query_one("#token-pin", Input).value = TOKENS["business"].pin
    await key(app, pilot, "token-pin")
    await settle(app, pilot)
    assert visible(app.screen.query_one("#cert-fields")), messages(app)


async def usb_registered(app, pilot, values) -> None:
    assert app.screen.id == "registered"
    account = app.services.store.get_account(TOKENS["business"].identifier)
    assert account is not None
    assert account.representative == parse_full_name(values["representative"])
    assert account.email == parse_email(values["email"])


USB_VALID = {"representative": "Phạm Minh Tuấn", "email": "ketoan@saomai.example.vn", "captcha": Right()}
USB_FIELDS = Group(
    name="register-usb-fields", screen="register-usb", fields=tuple(USB_VALID), valid=USB_VALID,
    reach=to_usb_fields, submit=submit_button, moves_to=("registered",),
    kept=frozenset({"representative", "email"}), rights=CAPTCHA, accepted=usb_registered,
    ready=lambda app: app.screen.subject is Subject.BUSINESS and visible(app.screen.query_one("#cert-fields")),
)


class TestUsb:
    @pytest.fixture(scope="class")
    def usb(self, tmp_path_factory, token_dir):
        session = start_session(tmp_path_factory, "usb", template=token_dir)
        yield session
        session.close()

    @hostile_settings(2, 120)
    @given(chosen=one_field(USB_PIN))
    @example(chosen={"token-pin": Entry("typed", "12345\u0666")})
    def test_the_token_pin(self, usb, chosen):
        run_example(usb, USB_PIN, chosen)

    def test_the_right_pin_pasted_opens_the_token(self, usb):
        usb.run(lambda app, pilot: go_home(app, pilot))  # the token unlocked on the way back
        assert run_example(usb, USB_PIN, {"token-pin": Entry("paste", Right())}) == "accepted"

    @hostile_settings(2, 100)
    @given(chosen=one_field(USB_FIELDS))
    def test_each_field_after_the_certificate(self, usb, chosen):
        run_example(usb, USB_FIELDS, chosen)

    @hostile_settings(1, 60)
    @given(chosen=whole_form(USB_VALID))
    def test_the_whole_form_after_the_certificate(self, usb, chosen):
        run_example(usb, USB_FIELDS, chosen)

    def test_a_representative_typed_decomposed_is_stored_composed(self, usb):
        outcome = run_example(usb, USB_FIELDS, {
            "representative": Entry("paste", unicodedata.normalize("NFD", " Phạm  Minh Tuấn")),
            "email": Entry("paste", "KeToan@SaoMai.Example.VN"),
            "captcha": Entry("paste", Right()),
        })
        assert outcome == "accepted"


# -- Đăng nhập: the three tabs, Quên mật khẩu (one app) ----------------------------------------
async def to_login(app, pilot) -> None:
    await start_path(app, pilot, "login")


def login_tab(tab: str) -> Step:
    async def reach(app, pilot) -> None:
        unlock_token(app, "citizen")
        await to_login(app, pilot)
        await click(app, pilot, f"#tab-{tab}")
        if tab == "usb":
            await choose_token(app, pilot, TOKENS["citizen"].identifier)

    return reach


def on_tab(tab: str) -> Callable[[Any], bool]:
    def ready(app) -> bool:
        from textual.widgets import ContentSwitcher

        if app.screen.query_one(ContentSwitcher).current != f"pane-{tab}":
            return False
        return tab != "usb" or app.screen.query_one("#token-picker").chosen is not None

    return ready


async def login_code_sent(app, pilot, values) -> None:
    """Accepted (the seeded account's name and password): the login code screen."""
    assert app.screen.id == "otp"
    app.services.clock.advance(minutes=15)


LOGIN = Group(
    name="login", screen="login", fields=("username", "password"),
    valid={"username": CITIZEN["cccd"], "password": "not the password"}, reach=to_login, submit=submit_button,
    moves_to=("otp",), kept=frozenset({"username"}), accepted=login_code_sent, ready=on_tab("cccd"),
)
LOGIN_USB = Group(
    name="login-usb", screen="login", fields=("usb-pin",), valid={"usb-pin": ""}, reach=login_tab("usb"),
    submit=enter_in("usb-pin"), moves_to=("profile",), ready=on_tab("usb"),
)
LOGIN_SIM = Group(
    name="login-sim", screen="login", fields=("sim-username",), valid={"sim-username": ""},
    reach=login_tab("sim"), submit=enter_in("sim-username"), kept=frozenset({"sim-username"}), ready=on_tab("sim"),
)


async def to_forgot(app, pilot) -> None:
    await to_login(app, pilot)
    await click(app, pilot, "#forgot")


FORGOT = Group(
    name="forgot-password", screen="forgot-password", fields=("cccd", "captcha"),
    valid={"cccd": CITIZEN["cccd"], "captcha": Right()}, reach=to_forgot, submit=submit_button,
    moves_to=("otp",), kept=frozenset({"cccd"}), rights=CAPTCHA, accepted=back_from_code,
)


async def quiet_night(app, pilot) -> None:
    from dvc_tui.core.lockout import QUIET_RESET

    app.services.clock.advance(seconds=QUIET_RESET.total_seconds() + 60)


def seed(data: Path) -> None:
    """The login's precondition: one account (CITIZEN, GOOD_PASSWORD) in the store."""
    from types import SimpleNamespace

    from dvc_tui.config import Config
    from dvc_tui.services import Services
    from tests.screens.helpers import seed_account

    services = Services(Config.load(data, "vi", "test", False), clock=FakeClock(), rng=random.Random(7))
    seed_account(SimpleNamespace(services=services))
    services.close()


class TestLogin:
    @pytest.fixture(scope="class")
    def login(self, tmp_path_factory, token_dir):
        session = start_session(tmp_path_factory, "login", template=token_dir, prepare=seed)
        yield session
        session.close()

    @hostile_settings(2, 120)
    @given(chosen=st.one_of(
        one_field(LOGIN),
        *([st.fixed_dictionaries({"username": around(CITIZEN["cccd"]), "password": around(GOOD_PASSWORD)})]
          if LONG else []),
    ))
    def test_the_password_tab(self, login, chosen):
        run_example(login, LOGIN, chosen)

    def test_the_name_between_spaces_and_the_password_log_in(self, login):
        login.run(quiet_night)  # the wrong passwords of the examples before are forgotten
        chosen = {"username": Entry("paste", " 001090012345 "), "password": Entry("paste", GOOD_PASSWORD)}
        assert run_example(login, LOGIN, chosen) == "accepted"

    @hostile_settings(2, 100)
    @given(chosen=one_field(LOGIN_USB))
    def test_the_usb_tab(self, login, chosen):
        run_example(login, LOGIN_USB, chosen)

    @hostile_settings(2, 100)
    @given(chosen=one_field(LOGIN_SIM))
    def test_the_sim_tab(self, login, chosen):
        run_example(login, LOGIN_SIM, chosen)

    @hostile_settings(2, 120)
    @given(chosen=st.one_of(one_field(FORGOT), whole_form(FORGOT.valid)))
    def test_forgotten_password(self, login, chosen):
        run_example(login, FORGOT, chosen)


# -- the kiosk's trainer PIN (one app in kiosk mode) -------------------------------------------
KIOSK_PIN = "48291375"


def kiosk_pin_set(data: Path) -> None:
    from dvc_tui.core.passwords import HashCost, PasswordHasher
    from dvc_tui.store.kiosk_pin import save_pin_hash

    save_pin_hash(data, PasswordHasher(HashCost.named("test")).hash(KIOSK_PIN), use_keyring=False)


async def to_kiosk_pin(app, pilot) -> None:
    await pilot.press("ctrl+q")
    await settle(app, pilot)


KIOSK = Group(
    name="kiosk-pin", screen="kiosk-pin-screen", fields=("kiosk-pin",), valid={"kiosk-pin": ""},
    reach=to_kiosk_pin, submit=enter_in("kiosk-pin"), landmark=t("kiosk.pin.title.quit"),
    clear=lambda app: app.screen.query_one("#kiosk-pin-message").update(""),
)


class TestKiosk:
    @pytest.fixture(scope="class")
    def kiosk(self, tmp_path_factory):
        session = start_session(tmp_path_factory, "kiosk", prepare=kiosk_pin_set, kiosk=True, idle_seconds=3600)
        yield session
        session.close()

    @hostile_settings(3, 200)
    @given(chosen=one_field(KIOSK))
    @example(chosen={"kiosk-pin": Entry("paste", "4829\x1b[2J1375")})
    def test_the_trainer_pin(self, kiosk, chosen):
        run_example(kiosk, KIOSK, chosen)


# -- what a field shows (widgets/inputs.py) ------------------------------------------------------
@given(text=st.text(st.characters(), max_size=60))
def test_a_field_shows_every_character_it_holds_and_nothing_a_terminal_obeys(text):
    from dvc_tui.widgets.inputs import shown

    screen = shown(text)
    assert len(screen) == len(text)  # one for one: the cursor and the selection stay in place
    assert not {ch for ch in screen if unicodedata.category(ch) in FORBIDDEN}
    assert all(a == b for a, b in zip(text, screen) if a.isprintable())


def test_escape_sequences_and_hidden_characters_are_shown_as_symbols():
    from dvc_tui.widgets.inputs import shown

    assert shown("\x1b[2J\x00\x7f\x9b\u202eAn\u200b") == "␛[2J␀␡\ufffd\ufffdAn\ufffd"
    assert shown("Nguyễn Văn An 漢😀\u00a0") == "Nguyễn Văn An 漢😀\u00a0"

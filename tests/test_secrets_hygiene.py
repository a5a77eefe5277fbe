"""Secrets hygiene (promise 7): what the app writes never holds a password, code, PIN or key.

One scripted session, in training mode (so the trainer's log is written), types KNOWN secrets:
registration by mobile subscription with one wrong one-time code, a password set, a wrong
password then the right one and the login code, logout, forgot-password with its code and a new
password, a SIM ký số registration with one wrong PIN then the right one, a trainer PIN saved,
then a kiosk app on the same data dir quit with a wrong then the right trainer PIN. Screenshots
are saved (app.save_screenshot) with a password, then a PIN, typed. Then EVERYTHING written is
searched for every secret, in every encoding it could take:

- every file under the data dir (the database and its -wal/-shm, events.jsonl, the key file,
  the trainer PIN's hash, the CA and token files), the screenshots, the report's CSV, what the
  report printed, whatever the app logged (logging) or printed, every notification, and every
  PortalError raised (str, repr, args, its Problem's params, its cause/context chain);
- secrets: the passwords (right, wrong, new), every one-time code issued and the wrong one
  typed, the SIM PIN (right, wrong), the trainer PIN (right, wrong), the install key from the
  key file (raw bytes, hex, base32, base64) and the keys derived from it (the HOTP secret, the
  CA key's passphrase, the authenticator sealing key).

What may legitimately hold a secret, and nothing else:
- `install.key` holds the install key in hex: it is the key's home (the keyring's stand-in,
  mode 0600). Every other secret is still searched for in it.
- the database holds the simulated SMS: a one-time code may appear in `sms.body` only (the
  simulated phone's inbox, which the SMS pane shows). The database's raw bytes (and its -wal,
  -shm: freed pages included) are searched for passwords, PINs and keys; its rows, with
  `sms.body` blanked, are searched for codes too; `sms.body` itself for everything but codes.
- a screenshot shows the SMS pane, so it may show a code as many times as the pane shows it,
  never more (a code typed into a field would be one more).

Numeric secrets (codes, PINs) are matched with digits on neither side, so "123456" is not found
inside a longer number such as an ID card number; the scanner's own test below proves each form
is found when present.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import os
import re
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dvc_tui import cli
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sim import TRAINING_SIMS
from dvc_tui.store.events import EVENTS_NAME
from dvc_tui.store.kiosk_pin import PIN_FILE
from dvc_tui.store.secrets import KEY_FILE
from dvc_tui.store.sqlite import DB_NAME
from tests.screens.helpers import (
    CITIZEN,
    captcha_code,
    click,
    confirm_code,
    error_of,
    fill_form,
    last_code,
    paste,
    settle,
    shown,
    sms_shown,
    submit,
    to_form,
    to_login,
    type_into,
)

PASSWORD = "Dangky#Lan1nhat"
WRONG_PASSWORD = "Nham#Matkhau55"
NEW_PASSWORD = "Doimoi#Matkhau77"
SIM = next(spec for spec in TRAINING_SIMS if spec.tag == "citizen")
SIM_WRONG_PIN = "975318"
TRAINER_PIN = "582046"
TRAINER_WRONG_PIN = "730264"
LAN = {"cccd": SIM.identifier, "full-name": SIM.name, "phone": "0" + SIM.phone.removeprefix("+84")}


# -- the scanner ----------------------------------------------------------------------------
def forms(secret: str | bytes) -> list[bytes]:
    """The byte strings a secret could be written as: UTF-8, JSON- and HTML-escaped; for bytes,
    raw, hex (both cases), base32 and base64 (padded or not, standard or URL-safe)."""
    if isinstance(secret, str):
        text = [secret, json.dumps(secret)[1:-1], html.escape(secret), html.escape(secret, quote=False)]
        return sorted({t.encode("utf-8") for t in text})
    encoded = [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b32encode(secret),
        base64.b32encode(secret).rstrip(b"="),
        base64.b32encode(secret).lower().rstrip(b"="),
        base64.b64encode(secret),
        base64.b64encode(secret).rstrip(b"="),
        base64.urlsafe_b64encode(secret).rstrip(b"="),
    ]
    return sorted(set(encoded))


def pattern(form: bytes) -> re.Pattern[bytes]:
    """A numeric secret with no digit on either side; anything else as it is."""
    if form.isdigit():
        return re.compile(rb"(?<![0-9])" + re.escape(form) + rb"(?![0-9])")
    return re.compile(re.escape(form))


def svg_text(data: bytes) -> bytes:
    """An SVG's text as drawn: the tags dropped, entities undone (a style change inside a word,
    such as the cursor, splits it across elements)."""
    text = re.sub(rb"<[^>]*>", b"", data)
    return html.unescape(text.decode("utf-8", "replace")).replace("\xa0", " ").encode("utf-8")


@dataclass
class Secrets:
    named: dict[str, str | bytes] = field(default_factory=dict)  # name -> secret
    codes: set[str] = field(default_factory=set)  # the names of the one-time codes

    def add(self, name: str, secret: str | bytes, *, code: bool = False) -> None:
        assert secret, name
        self.named[name] = secret
        if code:
            self.codes.add(name)

    def found(self, data: bytes, *, skip: set[str] = frozenset()) -> list[str]:
        """The names of the secrets found in `data` (in any form), `skip` left out."""
        hits = []
        for name, secret in self.named.items():
            if name in skip:
                continue
            if any(pattern(form).search(data) for form in forms(secret)):
                hits.append(name)
        return hits

    def count(self, name: str, data: bytes) -> int:
        return sum(len(pattern(form).findall(data)) for form in forms(self.named[name]))

    @property
    def keys(self) -> set[str]:
        return {name for name, secret in self.named.items() if isinstance(secret, bytes)}


def test_the_scanner_finds_every_form_of_every_kind_of_secret():
    secrets = Secrets()
    secrets.add("password", "Ab#1<x>&y")
    secrets.add("code", "123456", code=True)
    secrets.add("key", bytes(range(200, 232)))
    assert secrets.found(b"nothing here 1234567 0123456") == []
    for name, secret in secrets.named.items():
        for form in forms(secret):
            assert secrets.found(b"before:" + form + b":after") == [name], form
    assert secrets.found(b'{"x":"Ab#1<x>&y"}') == ["password"]
    assert secrets.found(html.escape("Ab#1<x>&y").encode()) == ["password"]
    assert secrets.found(svg_text(b"<text>Ab#1&lt;</text><text>x&gt;&amp;y</text>")) == ["password"]
    assert secrets.found(b"ma la 123456.") == ["code"] and secrets.count("code", b"123456 123456") == 2


# -- the session ----------------------------------------------------------------------------
def other_than(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


async def new_code(app, pilot, secrets: Secrets, name: str) -> str:
    """The code the SMS pane just showed, remembered as a secret."""
    code = last_code(app)
    secrets.add(name, code, code=True)
    return code


def screenshot(app, shots: Path, name: str, taken: list) -> None:
    path = Path(app.save_screenshot(filename=f"{name}.svg", path=str(shots)))
    taken.append((path, "\n".join(sms_shown(app))))


async def main_session(app, pilot, clock, secrets: Secrets, shots: Path, taken: list) -> None:
    # Registration by mobile subscription: one wrong code, then the right one; the password.
    await to_form(app, pilot)
    await fill_form(app, pilot, CITIZEN)
    await submit(app, pilot)
    assert app.screen.id == "otp", shown(app, "#form-message")
    code = await new_code(app, pilot, secrets, "register code")
    secrets.add("wrong code", other_than(code), code=True)
    await confirm_code(app, pilot, other_than(code))
    assert app.screen.id == "otp" and error_of(app, "otp-code")
    await confirm_code(app, pilot, code)
    assert app.screen.id == "set-password", error_of(app, "otp-code")
    await type_into(pilot, "password", PASSWORD)
    await type_into(pilot, "password-confirm", PASSWORD)
    screenshot(app, shots, "set-password", taken)
    await submit(app, pilot)
    assert app.screen.id == "registered"

    # Login: a wrong password, then the right one and the code; the profile; logout.
    await click(pilot, "#to-login")
    assert app.screen.id == "login"
    await type_into(pilot, "username", CITIZEN["cccd"])
    await type_into(pilot, "password", WRONG_PASSWORD)
    await submit(app, pilot)
    assert shown(app, "#login-message") == "Tên đăng nhập hoặc mật khẩu không đúng."
    await type_into(pilot, "password", PASSWORD)
    screenshot(app, shots, "login", taken)
    clock.advance(seconds=61)  # past the resend wait for this phone
    await submit(app, pilot)
    assert app.screen.id == "otp", shown(app, "#login-message")
    await confirm_code(app, pilot, await new_code(app, pilot, secrets, "login code"))
    assert app.screen.id == "profile", error_of(app, "otp-code")
    await click(pilot, "#logout")
    await settle(app, pilot)
    assert app.screen.id == "home"

    # Forgot password: the code, a new password.
    await to_login(app, pilot)
    await click(pilot, "#forgot")
    assert app.screen.id == "forgot-password"
    await type_into(pilot, "cccd", CITIZEN["cccd"])
    await type_into(pilot, "captcha", captcha_code(app))
    clock.advance(seconds=61)
    await submit(app, pilot)
    assert app.screen.id == "otp", shown(app, "#forgot-message")
    await confirm_code(app, pilot, await new_code(app, pilot, secrets, "reset code"))
    assert app.screen.id == "reset-password", error_of(app, "otp-code")
    await type_into(pilot, "password", NEW_PASSWORD)
    await type_into(pilot, "password-confirm", NEW_PASSWORD)
    await submit(app, pilot)
    assert app.screen.id == "login" and "Đã đổi mật khẩu" in shown(app, "#login-message")
    await pilot.press("escape")
    await settle(app, pilot)

    # SIM ký số registration: a wrong PIN on the phone, then the right one.
    while app.screen.id != "home":
        await pilot.press("escape")
        await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-sim")
    assert app.screen.id == "register-sim"
    await paste(pilot, LAN)
    await type_into(pilot, "captcha", captcha_code(app))
    await submit(app, pilot)
    [card] = app.screen.query("#sms-inbox .sim-request")
    pin_id = f"sim-pin-{card.id.rsplit('-', 1)[1]}"
    await type_into(pilot, pin_id, SIM_WRONG_PIN)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.id == "register-sim"
    await type_into(pilot, pin_id, SIM.pin)
    screenshot(app, shots, "sim-pin", taken)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.id == "registered"

    # The trainer PIN, set as `dvc-tui kiosk set-pin` would (no keyring: the 0600 file).
    app.services.save_trainer_pin(TRAINER_PIN)


async def kiosk_session(app, pilot) -> None:
    """Quitting a kiosk: a wrong trainer PIN, then the right one."""

    async def pin_checked() -> None:
        for _ in range(500):
            if not any(w.group == "kiosk-pin" and not w.is_finished for w in app.workers):
                break
            await pilot.pause(0.01)
        await pilot.pause()

    await settle(app, pilot)
    await pilot.press("ctrl+q")
    await type_into(pilot, "kiosk-pin", TRAINER_WRONG_PIN)
    await pilot.press("enter")
    await pin_checked()
    assert app.is_running and "không đúng" in str(app.screen.query_one("#kiosk-pin-message").render())
    await type_into(pilot, "kiosk-pin", TRAINER_PIN)
    await pilot.press("enter")
    await pin_checked()


def raised_portal_errors(monkeypatch) -> list[PortalError]:
    """Every PortalError made from now on (the refusals of the session)."""
    made: list[PortalError] = []
    original = PortalError.__init__

    def init(self, key, **params):
        original(self, key, **params)
        made.append(self)

    monkeypatch.setattr(PortalError, "__init__", init)
    return made


def error_words(error: BaseException) -> bytes:
    """What an exception could show or log: str, repr, args, a Problem's params; and the same
    for its cause and context."""
    parts: list[str] = []
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        parts += [str(error), repr(error), repr(error.args)]
        problem = getattr(error, "problem", None)
        if problem is not None:
            parts += [repr(problem), repr(problem.params)]
        error = error.__cause__ or error.__context__
    return "\n".join(parts).encode("utf-8")


def db_rows(path: Path) -> tuple[bytes, bytes]:
    """The database's rows as text: every table with `sms.body` blanked, and the SMS bodies."""
    db = sqlite3.connect(path)
    try:
        rows, bodies = [], []
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "sms" in tables
        for table in tables:
            names = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
            for row in db.execute(f'SELECT * FROM "{table}"'):
                values = dict(zip(names, row))
                if table == "sms":
                    bodies.append(values.pop("body"))
                rows.append(f"{table}: {values!r}")
        schema = [r[0] or "" for r in db.execute("SELECT sql FROM sqlite_master")]
    finally:
        db.close()
    return "\n".join(rows + schema).encode("utf-8"), "\n".join(bodies).encode("utf-8")


def key_secrets(secrets: Secrets, key_file: Path) -> None:
    """The install key from its file, and every key derived from it."""
    from dvc_tui.core.otp import derive_otp_secret
    from dvc_tui.core.pki import derive_ca_passphrase
    from dvc_tui.store.sealing import AUTHENTICATORS, derive_key

    key = bytes.fromhex(key_file.read_text().strip())
    assert len(key) >= 16
    secrets.add("install key", key)
    otp_secret = derive_otp_secret(key)
    secrets.add("HOTP secret (base32)", otp_secret)
    secrets.add("HOTP secret", base64.b32decode(otp_secret))
    passphrase = derive_ca_passphrase(key)
    secrets.add("CA passphrase", passphrase.decode("ascii"))
    secrets.add("CA passphrase bytes", bytes.fromhex(passphrase.decode("ascii")))
    secrets.add("sealing key", derive_key(key, AUTHENTICATORS))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


async def test_a_full_session_leaves_no_secret_in_any_file_log_report_or_exception(
    make_app, data_dir, clock, tmp_path, monkeypatch, caplog, capsys
):
    caplog.set_level(logging.DEBUG)
    errors = raised_portal_errors(monkeypatch)
    secrets = Secrets()
    for name, secret in [("password", PASSWORD), ("wrong password", WRONG_PASSWORD),
                         ("new password", NEW_PASSWORD), ("SIM PIN", SIM.pin),
                         ("wrong SIM PIN", SIM_WRONG_PIN), ("trainer PIN", TRAINER_PIN),
                         ("wrong trainer PIN", TRAINER_WRONG_PIN)]:
        secrets.add(name, secret)
    shots = tmp_path / "shots"
    shots.mkdir()
    taken: list[tuple[Path, str]] = []
    notified: list[str] = []

    def watch(app):
        notify = app.notify

        def record(message, *args, **kwargs):
            notified.append(str(message))
            return notify(message, *args, **kwargs)

        app.notify = record
        return app

    app = watch(make_app(training=True))
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(app, pilot)
        await main_session(app, pilot, clock, secrets, shots, taken)
    kiosk = watch(make_app(kiosk=True, idle_seconds=600))
    async with kiosk.run_test(size=(110, 34)) as pilot:
        await kiosk_session(kiosk, pilot)
    assert kiosk.return_code == 0  # the right PIN quit it

    table = tmp_path / "report.csv"
    assert cli.main(["--data-dir", str(data_dir), "report", "--csv", str(table)]) == 0
    printed = capsys.readouterr()
    key_secrets(secrets, data_dir / KEY_FILE)

    # The session did what it claims: the log has its errors, the DB its SMS, the PIN its file.
    events = (data_dir / EVENTS_NAME).read_text(encoding="utf-8")
    assert '"problem":"otp.wrong"' in events and '"problem":"login.invalid"' in events
    assert {"otp.wrong", "sim.pin_wrong", "kiosk.pin_wrong"} <= {e.key for e in errors}
    assert (data_dir / PIN_FILE).read_text().startswith("$argon2id$")
    assert len(taken) == 3

    # 1. every file under the data dir, and the report's CSV
    written = sorted(p for p in data_dir.rglob("*") if p.is_file())
    names = {p.name for p in written}
    assert {DB_NAME, EVENTS_NAME, KEY_FILE, PIN_FILE} <= names  # -wal/-shm too while they exist
    db_files = {data_dir / (DB_NAME + suffix) for suffix in ("", "-wal", "-shm", "-journal")}
    leaks: dict[str, list[str]] = {}
    for path in written + [table]:
        data = path.read_bytes()
        if path == data_dir / KEY_FILE:
            skip = secrets.keys  # the key's home
        elif path in db_files:
            skip = secrets.codes  # SMS bodies: checked row by row below
        else:
            skip = set()
        if hits := secrets.found(data, skip=skip):
            leaks[str(path.relative_to(tmp_path))] = hits

    # 2. the database's rows: codes only in sms.body, nothing else anywhere
    rows, bodies = db_rows(data_dir / DB_NAME)
    if hits := secrets.found(rows):
        leaks["database rows (sms.body left out)"] = hits
    if hits := secrets.found(bodies, skip=secrets.codes):
        leaks["database sms.body"] = hits
    issued = {"register code", "login code", "reset code"}
    assert set(secrets.found(bodies)) == issued  # the SMS hold the codes sent, the check sees them

    # 3. the screenshots: passwords, PINs, keys never; a code no more often than the pane shows it
    for path, pane in taken:
        data = path.read_bytes()
        drawn = svg_text(data)
        for blob in (data, drawn):
            if hits := secrets.found(blob, skip=secrets.codes):
                leaks[f"screenshot {path.name}"] = hits
        for name in secrets.codes:
            if secrets.count(name, drawn) > secrets.count(name, pane.encode("utf-8")):
                leaks.setdefault(f"screenshot {path.name}", []).append(name)

    # 4. what was printed, logged, notified; the report; every refusal raised
    for where, blob in [
        ("stdout (the report)", printed.out),
        ("stderr", printed.err),
        ("logging", caplog.text),
        ("notifications", "\n".join(notified)),
    ]:
        if hits := secrets.found(blob.encode("utf-8")):
            leaks[where] = hits
    for error in errors:
        if hits := secrets.found(error_words(error)):
            leaks[f"PortalError {error.key}"] = hits
    assert "Hoàn thành theo luồng" in printed.out

    assert leaks == {}
    for path, _pane in taken:  # the masked fields are in the pictures
        assert "•" * 6 in svg_text(path.read_bytes()).decode("utf-8"), path.name

    # 5. file modes: the data dir 0700, what the app keeps in it 0600
    assert mode(data_dir) == 0o700
    for path in written:
        assert mode(path) == 0o600, f"{path.relative_to(data_dir)} is {oct(mode(path))}"
    for path in [p for p in data_dir.rglob("*") if p.is_dir()]:
        assert mode(path) == 0o700, f"{path.relative_to(data_dir)} is {oct(mode(path))}"


# -- modes, whatever the umask ---------------------------------------------------------------
@pytest.fixture
def permissive_umask():
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_files_are_private_even_under_a_permissive_umask(tmp_path, permissive_umask):
    from dvc_tui.store.events import EventWriter
    from dvc_tui.store.kiosk_pin import save_pin_hash
    from dvc_tui.store.secrets import load_install_secret
    from dvc_tui.store.sqlite import SqliteStore

    data_dir = tmp_path / "data"
    store = SqliteStore(data_dir / DB_NAME)
    try:
        with store.transaction() as db:
            db.execute("INSERT INTO sms (phone, sender, body, sent_at) VALUES ('+84', 'x', 'y', 'z')")
        wal, shm = data_dir / (DB_NAME + "-wal"), data_dir / (DB_NAME + "-shm")
        assert wal.exists() and shm.exists()
        writer = EventWriter(data_dir)
        writer.write({"type": "start", "session": "0" * 16, "at": "2026-01-01T00:00:00+07:00", "path": "login"})
        writer.flush()
        writer.close()
        key = load_install_secret(data_dir, use_keyring=False)
        save_pin_hash(data_dir, "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA", use_keyring=False)
        assert mode(data_dir) == 0o700
        for path in (data_dir / DB_NAME, wal, shm, data_dir / EVENTS_NAME, key.path, data_dir / PIN_FILE):
            assert mode(path) == 0o600, f"{path.name} is {oct(mode(path))}"
    finally:
        store.close()


@pytest.mark.parametrize("opened_by", ["command", "services", "app-start"])
def test_a_data_dir_made_beforehand_is_tightened_at_start(tmp_path, permissive_umask, opened_by):
    """Issue 14, finding 15: a data dir made by hand (0755) with files copied in (0644) is 0700
    and its files 0600 from the first start on, not only once a token is made."""
    import shutil

    from dvc_tui.cli import _check_store, main
    from dvc_tui.config import Config
    from dvc_tui.services import Services
    from dvc_tui.store.sqlite import SqliteStore

    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    made = SqliteStore(tmp_path / "elsewhere" / DB_NAME)  # a database copied in from another machine
    made.close()
    shutil.copy(tmp_path / "elsewhere" / DB_NAME, data_dir / DB_NAME)
    (data_dir / EVENTS_NAME).write_text("")
    (data_dir / "tokens").mkdir(mode=0o755)
    (data_dir / "tokens" / ".lock").write_text("")
    (data_dir / KEY_FILE).write_text("ab" * 32 + "\n")
    os.chmod(data_dir, 0o755)
    copied = (data_dir / DB_NAME, data_dir / EVENTS_NAME, data_dir / "tokens" / ".lock", data_dir / KEY_FILE)
    for path in copied:
        os.chmod(path, 0o644)
    mine = tmp_path / "data" / "notes.txt"  # someone's own file in the folder is left alone
    mine.write_text("x")
    os.chmod(mine, 0o644)
    config = Config(data_dir, hash_cost="test", use_keyring=False)
    if opened_by == "command":
        assert main(["--data-dir", str(data_dir), "--no-keyring", "accounts", "list"]) == 0
    elif opened_by == "services":
        Services(config).store.close()
    else:
        _check_store(config)  # what `dvc-tui` does before it takes the screen
    assert mode(data_dir) == 0o700 and mode(data_dir / "tokens") == 0o700
    for path in copied:
        assert mode(path) == 0o600, f"{path.name} is {oct(mode(path))}"
    assert mode(mine) == 0o644


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "over-a-0644-file"])
def test_the_report_csv_and_the_handout_are_0600_whatever_the_umask(tmp_path, permissive_umask, existing, capsys):
    from dvc_tui.cli import main

    data_dir = tmp_path / "data"
    csv_file, handout = tmp_path / "steps.csv", tmp_path / "handout.md"
    if existing:
        for path in (csv_file, handout):
            path.write_text("old")
            os.chmod(path, 0o644)
    assert main(["--data-dir", str(data_dir), "--no-keyring", "report", "--csv", str(csv_file)]) == 0
    assert main(["--data-dir", str(data_dir), "--no-keyring", "training", "handout", "--markdown", str(handout)]) == 0
    assert mode(csv_file) == 0o600 and mode(handout) == 0o600
    assert csv_file.read_text().startswith("path,path_name") and "old" not in handout.read_text()


# -- password and PIN fields never copy ------------------------------------------------------
NO_COPY = "Không thể sao chép hay cắt mật khẩu hoặc mã PIN; hãy gõ lại khi cần."


async def test_password_and_pin_fields_refuse_copy_and_cut_and_say_why(make_app):
    from dvc_tui.widgets.inputs import PasswordInput

    app = make_app()
    notified: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (notified.append(str(message)), notify(message, *a, **k))[1]
    async with app.run_test(size=(100, 30)) as pilot:
        await to_login(app, pilot)
        app.copy_to_clipboard("before")
        await type_into(pilot, "password", PASSWORD)
        field_ = app.screen.query_one("#password", PasswordInput)
        for key in ("ctrl+c", "super+c", "ctrl+x"):
            field_.select_all()
            assert field_.selected_text == PASSWORD  # selected: a plain Input would copy it
            await pilot.press(key)
            await pilot.pause()
            assert app.clipboard == "before"
            assert field_.value == PASSWORD  # a refused cut keeps the text
        assert notified.count(NO_COPY) == 3
        assert app.screen.get_selected_text() in (None, "")  # the screen's selection holds nothing
        # the mouse selects inside the field; copying the selection still gives nothing
        await pilot.mouse_down("#password", offset=(2, 1))
        await pilot.mouse_up("#password", offset=(9, 1))
        assert field_.selected_text and field_.selected_text in PASSWORD
        await pilot.press("ctrl+c")
        assert app.clipboard == "before" and PASSWORD not in (app.screen.get_selected_text() or "")
        assert notified.count(NO_COPY) == 4
        # an empty field has nothing to refuse: ctrl+c says nothing about copying
        await type_into(pilot, "password", "")
        await pilot.press("ctrl+c")
        assert notified.count(NO_COPY) == 4
        # a plain field still copies (so the checks above could see a copy)
        await type_into(pilot, "username", CITIZEN["cccd"])
        app.screen.query_one("#username").select_all()
        await pilot.press("ctrl+c")
        assert app.clipboard == CITIZEN["cccd"]


def test_every_masked_input_in_the_app_is_a_password_input():
    """`password=True` appears only inside PasswordInput: every masked field refuses copy."""
    root = Path(__file__).resolve().parent.parent / "dvc_tui"
    offenders = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"password\s*=\s*True", text) and path.name != "inputs.py":
            offenders.append(str(path.relative_to(root)))
        if re.search(r"\bInput\([^)]*password", text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []

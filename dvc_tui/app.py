"""DvcApp: wires Services to the screens, runs the wizard, keeps the SMS pane fed."""

from __future__ import annotations

import asyncio
import random
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal

from dvc_tui.appearance import HIGH_CONTRAST, HIGH_CONTRAST_THEME, LARGE_MIN_SIZE
from dvc_tui.config import Config
from dvc_tui.core.clock import Clock
# The accounts, the wizard's draft and the codes are imported by the steps that use them, not
# before the home page's first frame (benchmarks/startup.py --importtime).
if TYPE_CHECKING:
    from dvc_tui.core.accounts import Account
from dvc_tui.core.text import language, set_language, t
from dvc_tui.kiosk_mode import KioskControls
from dvc_tui.notices import PlainNotices
from dvc_tui.screens.base import Nav, TooSmall, localize_bindings
from dvc_tui.screens.home import HomeScreen
from dvc_tui.screens.trainer_log import recorded
from dvc_tui.services import Services
from dvc_tui.textual_compat import ScrubbedCrashReport, install_timer_guard, registered_screens

RECENT_SMS = 50
WARM_UP_AFTER = 0.5
"""Seconds after the start-up worker before the next steps' modules are imported in a thread."""

WARM_MODULES = (
    # the wizard's screens in the order a user meets them, then the other ways in
    "dvc_tui.screens.choose", "dvc_tui.screens.register_mobile", "dvc_tui.screens.otp",
    "dvc_tui.screens.set_password", "dvc_tui.screens.registered", "dvc_tui.screens.login",
    "dvc_tui.screens.profile", "dvc_tui.screens.register_bhxh", "dvc_tui.screens.register_post",
    "dvc_tui.screens.forgot", "dvc_tui.screens.reset_password", "dvc_tui.screens.totp",
    "dvc_tui.screens.register_usb", "dvc_tui.screens.register_sim", "dvc_tui.screens.info",
    # what their first check or button loads: numbers, hashing, codes
    "phonenumbers", "argon2", "pyotp", "stdnum.vn.mst",
)


def warm_up() -> None:
    """Import the modules of the steps after the home page (and the libraries their checks use)
    in a worker thread, once the home page is up: a first press of Đăng ký, Công dân or ĐĂNG KÝ
    then composes a screen instead of compiling and importing it on the event loop
    (benchmarks/heartbeat.py). paced_gc apps only (the CLI's), not the tests' many apps."""
    import importlib

    from dvc_tui.core.identity import parse_phone

    for name in WARM_MODULES:
        importlib.import_module(name)
    parse_phone("0912345678")  # phonenumbers' metadata for Viet Nam is read on the first number


def stylesheet_path() -> Path:
    """screens.tcss: inside the installed package (wheel) or at the repository's top level."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "screens.tcss", here.parent / "screens.tcss"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("screens.tcss is missing from the installation")


def portal_commands():
    """The command palette's one provider (dvc_tui/palette.py), imported when Ctrl+P is pressed."""
    from dvc_tui.palette import PortalCommands

    return PortalCommands


def form_screen(method):
    """The registration form (step 3) of each method; imported when first needed."""
    from dvc_tui.core.accounts import Method

    if method is Method.BHXH:
        from dvc_tui.screens.register_bhxh import RegisterBhxhScreen as screen
    elif method is Method.POST:
        from dvc_tui.screens.register_post import RegisterPostScreen as screen
    elif method is Method.USB:
        from dvc_tui.screens.register_usb import RegisterUsbScreen as screen
    elif method is Method.SIM:
        from dvc_tui.screens.register_sim import RegisterSimScreen as screen
    else:
        from dvc_tui.screens.register_mobile import RegisterMobileScreen as screen
    return screen


class DvcApp(ScrubbedCrashReport, KioskControls, PlainNotices, App[None]):
    # kiosk mode (--kiosk) overrides quit/palette/on_event: kiosk_mode.py; an unexpected error's
    # report has no locals and goes to the data dir's crash log too: crash_report.py
    TITLE = "dvc-tui"
    CSS_PATH = stylesheet_path()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide")]
    # Ctrl+P offers the screen's keys and buttons and the app's own commands, in the user's
    # language, instead of Textual's English system commands (Theme, Keys, Screenshot ...).
    COMMANDS = {portal_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("f7", "toggle_training", "key.training"),  # training mode: zone badges, the guide
        Binding("f8", "toggle_language", "key.lang"),  # Tiếng Việt <-> English, at run time
        # for people who see less well (appearance.py); in the palette, not the full footer
        Binding("f9", "toggle_high_contrast", "key.high_contrast", show=False),
        Binding("f10", "toggle_large_text", "key.large_text", show=False),
        # the palette's key at the footer's right end, named in the user's language (Textual
        # would add it as "palette")
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
        # Tab moves focus at once, before the keys that follow it in the same burst (a fast
        # typist, a pasted "name<TAB>date", tmux send-keys) reach the field being left.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        data_dir: str | Path | None = None,
        *,
        config: Config | None = None,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        hash_cost: str | None = None,
        language: str | None = None,
        use_keyring: bool | None = None,
        keyring_backend: Any = None,
        kiosk: bool | None = None,
        idle_seconds: int | None = None,
        training: bool | None = None,
        theme: str | None = None,
        large_text: bool | None = None,
        paced_gc: bool = False,
    ) -> None:
        config = config or Config.load(data_dir, language, hash_cost, use_keyring, kiosk=kiosk, idle_seconds=idle_seconds)
        set_language(config.language)
        install_timer_guard()  # a toast's expired timer froze the app (textual_compat)
        super().__init__()
        localize_bindings(self)
        self.training = config.training if training is None else training  # F7 toggles
        self.start_training = self.training  # a kiosk's wipe restores it (and the language)
        # -- appearance: high contrast (F9), large text (F10); a kiosk's wipe restores both too
        self.register_theme(HIGH_CONTRAST_THEME)
        self.normal_theme = self.theme  # the look without high contrast: Textual's default
        self.start_high_contrast = (config.theme if theme is None else theme) == "high-contrast"
        if self.start_high_contrast:
            self.theme = HIGH_CONTRAST
        self.large_text = config.large_text if large_text is None else large_text
        self.start_large_text = self.large_text
        self.services = Services(config, clock=clock, rng=rng, keyring_backend=keyring_backend)
        self.setup_kiosk()
        self.services.sms_listeners.append(self._sms_from_any_thread)
        self.recent_sms: list = []  # newest first
        self.sms_signal: Signal = Signal(self, "sms")
        self._main_thread = threading.get_ident()
        # -- SIM ký số: signing requests for the phone pane (register_sim, login_sim) --------
        self.services.sim_listeners.append(self._sim_from_any_thread)
        self.recent_sim: dict[int, Any] = {}  # request id -> its latest state, oldest first
        self.sim_signal: Signal = Signal(self, "sim")
        # -- end SIM ký số ----------------------------------------------------------------------
        self.collector = None  # the full garbage collections paced to the user (gc_pacing.py)
        if paced_gc:
            from dvc_tui.gc_pacing import PacedCollector

            self.collector = PacedCollector(self)

    refusal: str | None = None
    """Why the app closed by itself at start (its data dir or database unusable), in one line."""
    restarted = False
    """Built again by the CLI after an unexpected error (kiosk mode): says so once it is up."""
    crash_log: Path | None = None
    """Where the report of this app's unexpected error was written (None: none, or unwritable)."""

    # -- an unexpected error: a report without secrets (textual_compat.ScrubbedCrashReport) --
    def crashed(self, error: BaseException) -> None:
        from dvc_tui.crash_report import describe, write_log

        try:
            self.crash_log = write_log(self.services.config.data_dir, describe(error))
        except OSError:
            self.crash_log = None

    def crash_report(self, error: BaseException) -> list[str]:
        from dvc_tui.crash_report import describe

        where = str(self.crash_log) if self.crash_log is not None else "-"
        return [t("crash.header", path=where), *describe(error)]

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        self._open_services()
        self.start_kiosk()

    async def on_event(self, event) -> None:
        if self.collector is not None and isinstance(event, (events.InputEvent, events.Paste)):
            self.collector.touch()
        await super().on_event(event)

    def on_resize(self, event) -> None:
        """Under 80x24 (60x20 in the large-text layout) every screen says, in one line at its
        top, that the window is too small."""
        for screen in self.screen_stack:
            for notice in screen.query(TooSmall):
                notice.show(event.size)
            if self.large_text:  # the footer's rows follow the width
                for footer in screen.query("PortalFooter"):
                    footer.apply_layout()

    async def push_step(self, screen: Screen) -> Any:
        """push_screen_wait, once a screen of the same id that is still being taken away is gone:
        the app's screens must have unique ids, and a step left at machine speed (Esc, then Enter
        on the step before) can come back before the old one has finished unmounting."""
        for _ in range(1000):  # at most 10 s: a screen is taken away in milliseconds
            if screen.id is None or not any(old.id == screen.id for old in registered_screens(self)):
                break
            await asyncio.sleep(0.01)
        return await self.push_screen_wait(screen)

    # -- start-up, off the first paint -----------------------------------------------------
    @work(thread=True, group="startup", exit_on_error=False)
    def _open_services(self) -> None:
        import sqlite3

        from dvc_tui.core.text import problem_text
        from dvc_tui.store.errors import StoreError, command_problem

        try:
            self.services.store  # opened here, off the event loop, before any screen asks for it
            messages = [] if self.kiosk_on else self.services.sms.inbox(limit=RECENT_SMS)  # a kiosk starts clean
            secret = self.services.secret
        except (StoreError, OSError, sqlite3.Error) as exc:  # one line, in the user's language
            if isinstance(exc, sqlite3.DatabaseError):  # a damaged page read: the check's own words
                try:
                    self.services.store.wait_intact()
                except StoreError as verdict:
                    exc = verdict
            self.call_from_thread(self._cannot_start, problem_text(command_problem(exc)))
            return
        except ValueError as exc:  # an install.key that is not a key
            self.call_from_thread(self._cannot_start, t("error.storage", detail=str(exc)))
            return
        self.call_from_thread(self._opened, messages, secret)

        def checked(problem) -> None:  # a big store's check, run beside the first paint
            if problem is not None:  # damage closes the app with its one line; nothing written
                self.call_from_thread(self._cannot_start, problem_text(command_problem(problem)))

        self.services.store.when_checked(checked)

    def _cannot_start(self, reason: str) -> None:
        """Without its store or key the app can do nothing (every step would fail): it closes at
        once and keeps the one-line reason in `refusal`, which the CLI prints (exit 2). The CLI
        checks the store before the screen is taken; this is for a store broken in between, or
        a DvcApp built directly (tests, scripts)."""
        self.refusal = reason
        if not self.screen.is_mounted:  # the home page first finishes mounting (quitting mid-mount fails)
            self.set_timer(0.02, lambda: self._cannot_start(reason))
            return
        self.exit(return_code=2)

    def _opened(self, messages: list, secret) -> None:
        from dvc_tui.widgets.sms_inbox import SmsInbox

        known = {m.id for m in self.recent_sms}  # any sent meanwhile are newer than the store's read
        self.recent_sms = (self.recent_sms + [m for m in messages if m.id not in known])[:RECENT_SMS]
        for screen in self.screen_stack:  # the panes show them, mounted in one go
            for pane in screen.query(SmsInbox):
                pane.show_all()
        if self.collector is not None:  # from here on the full collections wait for a pause
            self.collector.start()
            # and what the next steps import is imported now, in a thread, not on their first key
            self.set_timer(WARM_UP_AFTER, lambda: self.run_worker(
                warm_up, thread=True, group="warm-up", exit_on_error=False, exclusive=True))
        if secret.fell_back:
            self.notify(t("secret.file_fallback", path=str(secret.path)), timeout=10, markup=False)  # a path is no markup
        if self.restarted:
            self.notify(t("crash.restarted"), severity="warning", timeout=10)

    # -- the SMS pane ----------------------------------------------------------------------
    def _sms_from_any_thread(self, message) -> None:
        if threading.get_ident() == self._main_thread:
            self._add_sms(message)
        else:
            try:
                self.call_from_thread(self._add_sms, message)
            except RuntimeError:  # the app is closing
                pass

    def _add_sms(self, message) -> None:
        if any(m.id == message.id for m in self.recent_sms):
            return
        self.recent_sms.insert(0, message)
        del self.recent_sms[RECENT_SMS:]
        self.sms_signal.publish(message)

    # -- SIM ký số: signing requests made or answered, from any thread (core.sim) ------------
    def _sim_from_any_thread(self, request) -> None:
        if threading.get_ident() == self._main_thread:
            self._add_sim(request)
        else:
            try:
                self.call_from_thread(self._add_sim, request)
            except RuntimeError:  # the app is closing
                pass

    def _add_sim(self, request) -> None:
        known = self.recent_sim.get(request.id)
        if known is not None and (known.status, known.decided_at) == (request.status, request.decided_at):
            return
        self.recent_sim[request.id] = request
        while len(self.recent_sim) > RECENT_SMS:
            del self.recent_sim[next(iter(self.recent_sim))]
        self.sim_signal.publish(request)

    # -- end SIM ký số ----------------------------------------------------------------------
    # -- training mode (F7) and the language (F8), at run time ------------------------------
    def action_toggle_training(self) -> None:
        self.training = not self.training
        for screen in self.screen_stack:
            if hasattr(screen, "apply_training"):
                screen.apply_training()
        self.notify(t("training.on" if self.training else "training.off"), timeout=4)

    # -- high contrast (F9) and large text (F10), at run time ------------------------------
    @property
    def high_contrast(self) -> bool:
        return self.theme == HIGH_CONTRAST

    def set_high_contrast(self, on: bool) -> None:
        self.theme = HIGH_CONTRAST if on else self.normal_theme

    def action_toggle_high_contrast(self) -> None:
        self.set_high_contrast(not self.high_contrast)
        self.notify(t("appearance.contrast.on" if self.high_contrast else "appearance.contrast.off"), timeout=4)

    def set_large_text(self, on: bool) -> None:
        """Every screen in the stack now; the screens pushed later take it as they are built
        (PortalScreen._preset_classes)."""
        self.large_text = on
        for screen in self.screen_stack:
            if hasattr(screen, "apply_large_text"):
                screen.apply_large_text()

    def action_toggle_large_text(self) -> None:
        self.set_large_text(not self.large_text)
        if self.large_text:
            width, height = LARGE_MIN_SIZE
            self.notify(t("appearance.large.on", width=width, height=height), timeout=4)
        else:
            self.notify(t("appearance.large.off"), timeout=4)

    # -- the command palette (Ctrl+P): dvc_tui/palette.py ---------------------------------
    def action_command_palette(self) -> None:
        """Our palette: its prompt in the user's language; none in kiosk mode (kiosk_mode.py)."""
        from textual.command import CommandPalette

        if self.kiosk_on or not self.use_command_palette or CommandPalette.is_open(self):
            return
        from dvc_tui.palette import PortalPalette

        self.push_screen(PortalPalette(id="--command-palette"))

    def get_system_commands(self, screen):
        """The app's own commands, in the user's language (Textual's are English and offer
        what a visitor should not use: themes, screenshots to a file)."""
        from dvc_tui.palette import app_commands

        yield from app_commands(self, screen)

    def action_toggle_language(self) -> None:
        """vi <-> en: the current screen is composed again (nothing typed is lost); the screens
        under it follow when they come back."""
        screen = self.screen
        if getattr(screen, "busy", False):
            self.notify(t("lang.busy"), severity="warning", timeout=4)
            return
        set_language("en" if language() == "vi" else "vi")
        localize_bindings(self)
        if hasattr(screen, "relocalize"):
            screen.call_later(screen.relocalize)
        self.refresh_bindings()

    # -- the wizard ------------------------------------------------------------------------
    def action_register(self) -> None:
        self._run_paths(Nav.REGISTER)

    def action_login(self) -> None:
        self._run_paths(Nav.LOGIN)

    def action_info(self) -> None:
        """Thông tin: the leaflet's header (the ward's Zalo group, its QR code, the portal)."""
        from dvc_tui.screens.info import InfoScreen

        if self.screen.id == "home":
            self.push_screen(InfoScreen())

    @work(exclusive=True, group="flow")
    async def _run_paths(self, start: Nav) -> None:
        """Run registration and login, one after the other as the user chooses, then go home."""
        following: Nav = start
        registered: Account | None = None
        while following in (Nav.REGISTER, Nav.LOGIN):
            if following is Nav.REGISTER:
                following, registered = await self._registration()
            elif registered is not None:  # "Đăng nhập ngay": its name, on its method's tab
                tab = registered.method.value if registered.signs_in else "cccd"
                following = await self._login(registered.username, tab)
            else:
                following = await self._login("")
        while self.screen.id != "home" and len(self.screen_stack) > 2:
            self.pop_screen()

    @recorded("register")  # the trainer's log: start, steps, outcome (screens/trainer_log.py)
    async def _registration(self) -> tuple[Nav, Account | None]:
        from dvc_tui.core.accounts import Account
        from dvc_tui.core.flow import RegistrationDraft
        from dvc_tui.core.otp import Purpose
        from dvc_tui.screens.choose import ChooseMethodScreen, ChooseSubjectScreen
        from dvc_tui.screens.otp import OtpScreen
        from dvc_tui.screens.registered import RegisteredScreen
        from dvc_tui.screens.set_password import SetPasswordScreen

        services = self.services
        draft = RegistrationDraft()
        issued = None
        screens = {
            "subject": lambda: ChooseSubjectScreen(draft.subject),
            "method": lambda: ChooseMethodScreen(draft.subject),
            "form": lambda: form_screen(draft.method)(draft, services),
            "otp": lambda: OtpScreen(
                Purpose.REGISTER, draft.registration.id_number.value, draft.registration.phone, issued, services
            ),
            "password": lambda: SetPasswordScreen(draft.registration, services),
        }
        # Back from the password goes to the form: the code is spent, a new one is needed.
        back_to = {"method": "subject", "form": "method", "otp": "form", "password": "form"}
        step = "subject"
        while step in screens:
            result = await self.push_step(screens[step]())
            if result is Nav.BACK and step in back_to:
                step = back_to[step]
                continue
            if isinstance(result, Nav):
                return Nav.CANCEL, None
            if step == "subject":
                draft.subject, step = result, "method"
            elif step == "method":
                draft.method, step = result, "form"
                services.events.choose(draft.method.value)
            elif step == "form" and isinstance(result, Account):  # signed (USB, SIM): no code, no password
                draft.account, step = result, "done"
            elif step == "form":
                (draft.registration, issued), step = result, "otp"
            elif step == "otp":
                draft.code_confirmed, step = True, "password"
            else:
                draft.account, step = result, "done"
        services.events.finished(draft.method.value, "registered", draft.method.value, draft.account.subject.value)
        result = await self.push_step(RegisteredScreen(draft.account))
        return (Nav.LOGIN if result is Nav.LOGIN else Nav.CANCEL), draft.account

    @recorded("login")
    async def _login(self, username: str, tab: str = "cccd") -> Nav:
        from dvc_tui.core.accounts import Account
        from dvc_tui.core.otp import Purpose
        from dvc_tui.screens.login import LoginScreen
        from dvc_tui.screens.otp import OtpScreen

        services = self.services
        notice = None
        while True:
            login = LoginScreen(services, username, notice, tab)
            notice, tab = None, "cccd"
            result = await self.push_step(login)
            if result is Nav.REGISTER:
                return Nav.REGISTER
            if result is Nav.FORGOT:
                outcome = await self._forgot_password(login.username)
                if outcome is Nav.CANCEL:
                    return Nav.CANCEL
                if isinstance(outcome, str):  # the password was changed: log in with it
                    username, notice = outcome, t("reset.done")
                else:  # Back: the login screen again, with the name as it was typed
                    username = login.username
                continue
            if isinstance(result, Nav):
                return Nav.CANCEL
            if isinstance(result, Account):  # USB or SIM ký số: the signature was the proof
                await self._profile(result)
                return Nav.CANCEL
            account, issued = result
            username = account.username
            result = await self.push_step(
                OtpScreen(Purpose.LOGIN, account.username, account.phone_number, issued, services)
            )
            if result is Nav.OTHER and not await self._other_method(account):
                continue  # back to the login screen
            if result is Nav.BACK:
                continue
            if result is Nav.REGISTER:
                return Nav.REGISTER
            if isinstance(result, Nav) and result is not Nav.OTHER:
                return Nav.CANCEL
            await self._profile(account)
            return Nav.CANCEL

    @recorded("forgot")
    async def _forgot_password(self, typed_id: str = "") -> Nav | str:
        """Quên mật khẩu: ID + captcha, a code to the linked phone, a new password.

        Returns the login name once its password is changed, Nav.BACK to return to the login
        screen, Nav.CANCEL to go home.
        """
        from dvc_tui.core.otp import Purpose
        from dvc_tui.screens.forgot import ForgotPasswordScreen
        from dvc_tui.screens.otp import OtpScreen
        from dvc_tui.screens.reset_password import ResetPasswordScreen

        services = self.services
        reset = None
        screens = {
            "form": lambda: ForgotPasswordScreen(services, typed_id),
            "otp": lambda: OtpScreen(Purpose.RESET, reset.username, reset.phone, reset.issued, services),
            "password": lambda: ResetPasswordScreen(reset.username, services),
        }
        # Back from the password goes to the form, as in registration: the code is spent.
        back_to = {"otp": "form", "password": "form"}
        step = "form"
        while step in screens:
            result = await self.push_step(screens[step]())
            if result is Nav.BACK and step in back_to:
                step = back_to[step]
            elif isinstance(result, Nav):
                return Nav.BACK if result is Nav.BACK else Nav.CANCEL
            elif step == "form":
                reset, typed_id, step = result, result.username, "otp"
            elif step == "otp":
                step = "password"
            else:
                step = "done"
        services.events.finished("forgot", "password-reset")
        return reset.username

    async def _other_method(self, account) -> bool:
        """Chọn phương thức xác thực khác: True when the user authenticated another way."""
        from dvc_tui.screens.totp import TotpLoginScreen

        result = await self.push_step(TotpLoginScreen(account, self.services))
        return result is True  # a code from the authenticator app; Back (or F4) is False

    async def _profile(self, account) -> None:
        """The logged-in session, until Đăng xuất; the authenticator app is enrolled from here."""
        from dvc_tui.screens.profile import ProfileChoice, ProfileScreen
        from dvc_tui.screens.totp import TotpEnrolScreen

        self.services.events.finished("login", "logged-in", account.method.value, account.subject.value)
        notice = None
        while True:
            result = await self.push_step(ProfileScreen(account, self.services, notice))
            if result is not ProfileChoice.ENROL_TOTP:
                return
            enrolled = await self.push_step(TotpEnrolScreen(account, self.services))
            notice = None if isinstance(enrolled, Nav) else t("totp.enrolled")

    def on_unmount(self) -> None:
        if self.collector is not None:
            self.collector.stop()
        self.services.close()

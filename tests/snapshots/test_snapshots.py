"""SVG snapshots of every screen at 100x30 (and the form at 80x24), deterministic: a fixed
clock, a seeded captcha and install key, the cursor not blinking.

Update after an intended change of the look: `pytest tests/snapshots --snapshot-update`, then
look at the report before committing."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.conftest import CITIZEN, GOOD_PASSWORD, click, fill_form, last_code, register, settle, to_form, type_into

SIZE = (100, 30)


async def _still(pilot) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


async def _home(pilot):
    await settle(pilot.app, pilot)
    await _still(pilot)


async def _subject(pilot):
    await settle(pilot.app, pilot)
    await click(pilot, "#register")
    await _still(pilot)


async def _method_citizen(pilot):
    await _subject(pilot)
    await click(pilot, "#subject-citizen")
    await _still(pilot)


async def _method_business(pilot):
    await _subject(pilot)
    await click(pilot, "#subject-business")
    await _still(pilot)


async def _form_empty(pilot):
    await to_form(pilot.app, pilot)
    await _still(pilot)


async def _form_bhxh(pilot):
    app = pilot.app
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-bhxh")
    await _still(pilot)


async def _form_post(pilot):
    app = pilot.app
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-post")
    await _still(pilot)


async def _form_post_errors(pilot):
    """Two papers left unticked and a date of birth that disagrees with the CCCD."""
    app = pilot.app
    await _form_post(pilot)
    await click(pilot, "#paper-id_card")
    await click(pilot, "#paper-signed_form")
    for widget_id, text in {**CITIZEN, "dob": "01/01/1991"}.items():
        await type_into(pilot, widget_id, text)
    await click(pilot, "#submit")
    await settle(app, pilot)
    app.screen.query_one("#main").scroll_home(animate=False)
    await _still(pilot)


async def _form_errors(pilot):
    app = pilot.app
    await to_form(app, pilot)
    await fill_form(app, pilot, {**CITIZEN, "dob": "01/01/1991", "phone": "0241234567"}, captcha="WRONG1")
    await click(pilot, "#submit")
    await settle(app, pilot)
    app.screen.query_one("#main").scroll_home(animate=False)
    await _still(pilot)


async def _otp_register(pilot):
    app = pilot.app
    await to_form(app, pilot)
    await fill_form(app, pilot, CITIZEN)
    await click(pilot, "#submit")
    await settle(app, pilot)
    await _still(pilot)


async def _set_password(pilot):
    app = pilot.app
    await _otp_register(pilot)
    await type_into(pilot, "otp-code", last_code(app))
    await pilot.press("enter")
    await settle(app, pilot)
    await type_into(pilot, "password", "abcdefgh")
    await _still(pilot)


async def _registered(pilot):
    await register(pilot.app, pilot)
    await _still(pilot)


async def _login_error(pilot):
    app = pilot.app
    await settle(app, pilot)
    await click(pilot, "#login")
    await type_into(pilot, "username", "001090012345")
    await type_into(pilot, "password", "Sai@mat1khau")
    await pilot.press("enter")
    await settle(app, pilot)
    await _still(pilot)


async def _login(pilot):
    await settle(pilot.app, pilot)
    await click(pilot, "#login")
    await _still(pilot)


async def _forgot_password(pilot):
    await _login(pilot)
    await click(pilot, "#forgot")
    await _still(pilot)


async def _otp_login(pilot):
    app = pilot.app
    await register(app, pilot)
    await click(pilot, "#to-login")
    await type_into(pilot, "password", GOOD_PASSWORD)
    await pilot.press("enter")
    await settle(app, pilot)
    await _still(pilot)


async def _profile(pilot):
    app = pilot.app
    await _otp_login(pilot)
    await type_into(pilot, "otp-code", last_code(app))
    await pilot.press("enter")
    await settle(app, pilot)
    await _still(pilot)


async def _totp_enrol(pilot):
    app = pilot.app
    await _profile(pilot)
    await click(pilot, "#enrol-totp")
    await settle(app, pilot)
    await _still(pilot)


async def _totp_login(pilot, enrol: bool = True):
    from tests.rfc6238 import code_at

    app = pilot.app
    clock = app.services.clock
    await _profile(pilot)
    if enrol:
        await click(pilot, "#enrol-totp")
        await settle(app, pilot)
        key = str(app.screen.query_one("#totp-key").render()).replace(" ", "")
        await type_into(pilot, "totp-code", code_at(key, clock.now()))
        await pilot.press("enter")
        await settle(app, pilot)
    await click(pilot, "#logout")
    clock.advance(61)  # past the SMS resend wait
    await click(pilot, "#login")
    await type_into(pilot, "username", CITIZEN["cccd"])
    await type_into(pilot, "password", GOOD_PASSWORD)
    await pilot.press("enter")
    await settle(app, pilot)
    await click(pilot, "#other-method")
    await settle(app, pilot)
    await _still(pilot)


async def _totp_login_missing(pilot):
    await _totp_login(pilot, enrol=False)


# -- USB ký số screens (register_usb, login_usb) --------------------------------------------
async def _usb_tokens(pilot):
    """The six training tokens plugged in: serials from the seeded generator, dates from the clock."""
    await settle(pilot.app, pilot)
    pilot.app.services.tokens.install_training()


async def _register_usb_pick(pilot):
    app = pilot.app
    await _usb_tokens(pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-business")
    await click(pilot, "#method-usb")
    await settle(app, pilot)
    await _still(pilot)


async def _register_usb_review(pilot):
    app = pilot.app
    await _register_usb_pick(pilot)
    await type_into(pilot, "token-pin", "234567")
    await pilot.press("enter")
    await settle(app, pilot)
    await _still(pilot)


async def _login_usb(pilot):
    app = pilot.app
    await _usb_tokens(pilot)
    await click(pilot, "#login")
    await click(pilot, "#tab-usb")
    await settle(app, pilot)
    await _still(pilot)


# -- SIM ký số (register_sim, login_sim, phone pane) ------------------------------------------
async def _register_sim_business(pilot):
    app = pilot.app
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-business")
    await click(pilot, "#method-sim")
    await _still(pilot)


async def _sim_waiting(pilot):
    """A citizen's request sent: the countdown on the form, the request's card in the phone pane."""
    app = pilot.app
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-sim")
    for widget_id, text in {"cccd": "031195000333", "full-name": "Phạm Thị Lan", "phone": "0703000333"}.items():
        await type_into(pilot, widget_id, text)
    await type_into(pilot, "captcha", str(app.screen.query_one("#captcha-code").render()))
    await click(pilot, "#submit")
    await settle(app, pilot)
    await _still(pilot)


async def _login_sim(pilot):
    app = pilot.app
    await settle(app, pilot)
    await click(pilot, "#login")
    await click(pilot, "#tab-sim")
    app.screen.query_one("#sim-username").focus()
    await _still(pilot)


# -- training mode (F7) and the language (F8) ---------------------------------------------------
async def _training_on(pilot):
    await settle(pilot.app, pilot)
    await pilot.press("f7")
    pilot.app.clear_notifications()  # the toast times out in real time: not in the picture


async def _training_form_vi(pilot):
    """The mobile form with its zone badges and the guide, after one field error (the hint)."""
    await _training_on(pilot)
    await to_form(pilot.app, pilot)
    await type_into(pilot, "cccd", "00109001234")
    await type_into(pilot, "full-name", "Nguyễn Văn An")
    await _still(pilot)


async def _training_form_en(pilot):
    await _training_form_vi(pilot)
    await pilot.press("f8")
    await pilot.pause()
    await pilot.pause()
    await _still(pilot)


async def _training_login_otp_vi(pilot):
    await _training_on(pilot)
    await _otp_login(pilot)


async def _info(pilot):
    await settle(pilot.app, pilot)
    await click(pilot, "#info")
    await _still(pilot)


SCREENS = {
    "home": _home,
    "choose_subject": _subject,
    "choose_method_citizen": _method_citizen,
    "choose_method_business": _method_business,
    "register_mobile": _form_empty,
    "register_mobile_errors": _form_errors,
    "register_bhxh": _form_bhxh,
    "register_post": _form_post,
    "register_post_errors": _form_post_errors,
    "otp_register": _otp_register,
    "set_password": _set_password,
    "registered": _registered,
    "login": _login,
    "forgot_password": _forgot_password,
    "login_error": _login_error,
    "otp_login": _otp_login,
    "profile": _profile,
    "totp_enrol": _totp_enrol,
    "totp_login": _totp_login,
    "totp_login_missing": _totp_login_missing,
    "register_usb_pick": _register_usb_pick,
    "register_usb_review": _register_usb_review,
    "login_usb": _login_usb,
    "register_sim_business": _register_sim_business,
    "sim_waiting": _sim_waiting,
    "login_sim": _login_sim,
    "info": _info,
    "training_form_vi": _training_form_vi,
    "training_form_en": _training_form_en,
    "training_login_otp_vi": _training_login_otp_vi,
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(name, snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=SCREENS[name])


@pytest.mark.parametrize("name", ["home", "register_mobile", "otp_register", "login", "register_post"])
def test_screen_80x24(name, snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=SCREENS[name])


def test_phone_app(snap_compare, data_dir, clock):
    """`dvc-tui phone`: an SMS and a signing request waiting for the PIN (its field focused)."""
    from datetime import timedelta

    from dvc_tui.phone_app import PhoneApp
    from dvc_tui.store.sqlite import DB_NAME, SqliteStore

    store = SqliteStore(data_dir / DB_NAME)
    store.insert_sms("+84703000333", "DVCQG", "Ma OTP dang ky tai khoan Cong DVC quoc gia cua ban la 123456.",
                     clock.now())
    clock.advance(seconds=20)
    store.insert_sim_request("+84703000333", "login", "031195000333", bytes(32), clock.now(),
                             clock.now() + timedelta(minutes=2))
    store.close()
    clock.advance(seconds=15)

    async def run_before(pilot):
        app = pilot.app
        for _ in range(500):
            if not any(w.group == "poll" and not w.is_finished for w in app.workers):
                break
            await pilot.pause(0.01)
        await _still(pilot)

    app = PhoneApp(data_dir, clock=clock, language="vi", poll_every=3600, number="+84703000333")
    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)

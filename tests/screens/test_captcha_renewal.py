"""The captcha is renewed after EVERY refused submit of a registration form (mobile, BHXH, USB
ký số, SIM ký số): a field in error with the captcha answered right, and a refusal from the
portal (its registries), not only a wrong captcha. One captcha answer, one try."""

from __future__ import annotations

from tests.screens.helpers import (
    CITIZEN,
    MAI,
    captcha_code,
    error_of,
    paste,
    shown,
    submit,
    to_form,
    value_of,
)
from tests.screens.test_bhxh import MINH, to_bhxh_form
from tests.screens.test_sim import LAN, to_sim_form
from tests.screens.test_usb import AGENCY, read_certificate, to_usb_form, training_dir, usb_app  # noqa: F401


async def refused_with_the_right_captcha(app, pilot, values: dict[str, str], screen_id: str) -> None:
    """Paste `values` with the captcha shown, press ĐĂNG KÝ: refused, and a new captcha to type."""
    before = captcha_code(app)
    await paste(pilot, {**values, "captcha": before})
    await submit(app, pilot)
    assert app.screen.id == screen_id
    assert shown(app, "#form-message") != ""
    assert captcha_code(app) != before  # a new code
    assert value_of(app, "captcha") == ""  # to be typed again
    assert error_of(app, "captcha") == ""  # the answer was right: nothing said against it
    for field_id, value in values.items():
        assert value_of(app, field_id) == value, field_id  # everything else is kept


async def test_the_mobile_form(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await refused_with_the_right_captcha(app, pilot, {**CITIZEN, "email": "an@"}, "register-mobile")
        assert error_of(app, "email") != ""
        # The carriers' registry refuses a number of another person's ID.
        await refused_with_the_right_captcha(app, pilot, {**CITIZEN, "email": "", "phone": MAI["phone"]},
                                             "register-mobile")
        assert error_of(app, "phone").startswith("Số điện thoại không chính chủ")
        await paste(pilot, {**CITIZEN, "captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "otp"  # the new code, typed, is accepted


async def test_the_bhxh_form(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_bhxh_form(app, pilot)
        await refused_with_the_right_captcha(app, pilot, {**MINH, "dob": "31/02/1985"}, "register-bhxh")
        assert error_of(app, "dob") != ""
        # The social-insurance registry refuses a number it does not hold.
        await refused_with_the_right_captcha(app, pilot, {**MINH, "bhxh": "0999999998"}, "register-bhxh")
        assert error_of(app, "bhxh") != ""
        await paste(pilot, {**MINH, "captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "otp"


async def test_the_usb_form(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot, "agency")
        await read_certificate(app, pilot, AGENCY)
        # An agency's certificate carries no email: required on the form.
        await refused_with_the_right_captcha(app, pilot, {"email": ""}, "register-usb")
        assert error_of(app, "email") != ""
        await refused_with_the_right_captcha(app, pilot, {"email": "vanthu@"}, "register-usb")
        await paste(pilot, {"email": "vanthu@hcc.example.gov.vn", "captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "registered", shown(app, "#form-message")


async def test_the_sim_form(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await refused_with_the_right_captcha(app, pilot, {**LAN, "phone": "0703"}, "register-sim")
        assert error_of(app, "phone") != ""
        # A number without a signing SIM: the carrier's refusal, under the number.
        await refused_with_the_right_captcha(app, pilot, {**LAN, "phone": CITIZEN["phone"]}, "register-sim")
        assert error_of(app, "phone") != ""

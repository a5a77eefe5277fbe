"""Trang chủ and "Chọn phương thức đăng ký": the subject (zone 3), then the method (zone 4)."""

import pytest

from tests.screens.helpers import click, settle, shown

CITIZENS_ONLY = "Chỉ dành cho công dân"


async def test_home_shows_the_portal_its_two_actions_and_the_sms_pane(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.screen.id == "home"
        assert shown(app, "#portal-name") == "CỔNG DỊCH VỤ CÔNG QUỐC GIA"
        assert "Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi" in shown(app, "#portal-tagline")
        assert str(app.screen.query_one("#register").label) == "Đăng ký"
        assert str(app.screen.query_one("#login").label) == "Đăng nhập"
        inbox = app.screen.query_one("#sms-inbox")
        assert inbox.border_title == "Tin nhắn SMS (mô phỏng)"
        assert not inbox.query(".sms")
        assert "Chưa có tin nhắn" in shown(app, "#sms-empty")
        assert app.focused is app.screen.query_one("#register")
        # Thông tin opens the leaflet's header (tests/screens/test_info.py)
        await click(pilot, "#info")
        assert app.screen.id == "info"


async def test_register_opens_the_subject_choice_with_citizen_first(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        assert app.screen.id == "choose-subject"
        assert "Vui lòng chọn phương thức đăng ký" in [str(w.render()) for w in app.screen.query(".subtitle")]
        labels = [str(app.screen.query_one(f"#subject-{s}").label) for s in ("citizen", "business", "agency")]
        assert labels == ["Công dân", "Doanh nghiệp", "Cơ quan nhà nước"]
        assert app.focused.id == "subject-citizen"


@pytest.mark.parametrize("subject", ["business", "agency"])
async def test_mobile_is_for_citizens_only(make_app, subject):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await click(pilot, f"#subject-{subject}")
        assert app.screen.id == "choose-method"
        for method in ("mobile", "bhxh", "post"):
            assert app.screen.query_one(f"#method-{method}").disabled
            assert shown(app, f"#method-{method}-note") == CITIZENS_ONLY
        # The signing methods are open to every subject.
        for method in ("usb", "sim"):
            assert not app.screen.query_one(f"#method-{method}").disabled
            assert shown(app, f"#method-{method}-note") == ""
        assert app.focused.id == "method-usb"  # the first usable method
        # A disabled button cannot be chosen, not even by clicking it.
        await click(pilot, "#method-mobile")
        assert app.screen.id == "choose-method"


@pytest.mark.parametrize("subject", ["citizen", "business", "agency"])
async def test_every_usable_method_leads_to_its_own_form_and_back(make_app, subject):
    forms = {"mobile": "register-mobile", "bhxh": "register-bhxh", "post": "register-post",
             "usb": "register-usb", "sim": "register-sim"}
    usable = list(forms) if subject == "citizen" else ["usb", "sim"]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await click(pilot, f"#subject-{subject}")
        for method in usable:
            assert shown(app, f"#method-{method}-note") == ""
            await click(pilot, f"#method-{method}")
            await settle(app, pilot)
            assert app.screen.id == forms[method]
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.id == "choose-method"
            assert app.focused.id == f"method-{usable[0]}"


async def test_citizen_methods_lead_on_to_their_forms(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await click(pilot, "#subject-citizen")
        assert app.screen.id == "choose-method"
        assert "Công dân" in [str(w.render()) for w in app.screen.query(".subtitle")][0]
        assert app.focused.id == "method-mobile"
        # ... social insurance leads on to its own form ...
        await click(pilot, "#method-bhxh")
        assert app.screen.id == "register-bhxh"
        assert "Bảo hiểm xã hội (Chỉ dành cho công dân)" in [str(w.render()) for w in app.screen.query(".subtitle")]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "choose-method"
        # ... and the mobile method to the mobile form.
        await click(pilot, "#method-mobile")
        assert app.screen.id == "register-mobile"
        assert "Thuê bao di động (Chỉ dành cho công dân)" in [str(w.render()) for w in app.screen.query(".subtitle")]

"""The main path end to end: register by mobile subscription, then log in with a code."""

from tests.conftest import CITIZEN, GOOD_PASSWORD, click, last_code, register, settle, type_into


async def test_register_then_login_reaches_profile(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await register(app, pilot)
        account = app.services.store.get_account(CITIZEN["cccd"])
        assert account.password_hash.startswith("$argon2id$")
        assert int(account.level) == 2
        await click(pilot, "#to-login")
        assert app.screen.id == "login"
        await type_into(pilot, "password", GOOD_PASSWORD)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "otp"
        assert "0828xxx088" in str(app.screen.query_one("#otp-sent").render())
        await type_into(pilot, "otp-code", last_code(app))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "profile"
        assert "Nguyễn Văn An" in str(app.screen.query_one("#profile-rows").render())
        await click(pilot, "#logout")
        assert app.screen.id == "home"

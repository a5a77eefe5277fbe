"""The command palette (Ctrl+P): the current screen's keys, buttons and tabs and the app's own
commands, in the user's language; choosing one does it; no English system command; none in
kiosk mode."""

from __future__ import annotations

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from dvc_tui.appearance import HIGH_CONTRAST
from dvc_tui.core.text import language, set_language
from dvc_tui.palette import fold, key_text
from tests.conftest import settle, to_form

TEXTUAL_SYSTEM_COMMANDS = {"Theme", "Quit", "Keys", "Screenshot", "Maximize", "Minimize"}
ENGLISH_HELP = ("Change the current theme", "Quit the application", "Save an SVG", "Show help for the focused")
GATHER = "--textual-command-palette-gather-commands"


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


async def gathered(app, pilot) -> CommandPalette:
    """Wait until the palette has gathered its commands (Textual's worker, on real time)."""
    for _ in range(400):
        palette = app.screen
        if (isinstance(palette, CommandPalette) and palette.has_class("-ready")
                and not any(w.group == GATHER and not w.is_finished for w in palette.workers)):
            break
        await pilot.pause(0.01)
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    return app.screen


async def open_palette(app, pilot, query: str = "") -> CommandPalette:
    await pilot.press("ctrl+p")
    await gathered(app, pilot)
    if query:
        app.screen.query_one(CommandInput).value = query
        await pilot.pause()
    return await gathered(app, pilot)


def offered(palette: CommandPalette) -> list[tuple[str, str | None]]:
    """(name, help) of each command the palette lists, in order."""
    commands = palette.query_one(CommandList)
    return [(str(option.hit.text), option.hit.help) for option in commands.options if hasattr(option, "hit")]


def names(palette: CommandPalette) -> list[str]:
    return [name for name, _ in offered(palette)]


async def choose(app, pilot, name: str) -> None:
    """Highlight the command called `name` and press Enter."""
    palette = app.screen
    commands = palette.query_one(CommandList)
    index = names(palette).index(name)
    palette.query_one(CommandInput).focus()
    palette._action_cursor_down()  # the list open, its first entry highlighted
    commands.highlighted = index
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot)
    await pilot.pause()


# -- what it lists -------------------------------------------------------------------------------
async def test_the_palette_lists_the_form_s_keys_and_buttons_and_the_app_s_commands_in_vietnamese(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        palette = await open_palette(app, pilot)
        listed = offered(palette)
        assert listed == [
            ("Quay lại", "Phím Esc"),
            ("Hủy", "Phím F4"),
            ("Mã mới", "Phím F5"),
            ("Đổi mã", "Nút trên màn hình"),
            ("ĐĂNG KÝ", "Nút trên màn hình"),
            ("Bật chế độ tương phản cao", "Phím F9"),
            ("Bật bố cục chữ lớn", "Phím F10"),
            ("Bật chế độ luyện tập", "Phím F7"),
            ("Chuyển sang tiếng Anh (English)", "Phím F8"),
            ("Xem khung Tin nhắn SMS", None),
            ("Thoát", "Phím Ctrl+Q"),
        ]
        assert palette.query_one(CommandInput).placeholder == "Tìm lệnh… (gõ vài chữ, Enter để chọn, Esc để đóng)"
        assert not TEXTUAL_SYSTEM_COMMANDS & set(names(palette))
        assert not any(help and help.startswith(ENGLISH_HELP) for _, help in listed)


async def test_no_english_system_command_is_offered_anywhere(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        titles = [command.title for command in app.get_system_commands(screen)]
        assert titles and not TEXTUAL_SYSTEM_COMMANDS & set(titles)
        palette = await open_palette(app, pilot)
        home = names(palette)
        assert home[:4] == ["Thông tin", "Đăng ký", "Đăng nhập", "Bật chế độ tương phản cao"]  # i, then buttons
        assert not TEXTUAL_SYSTEM_COMMANDS & set(home)
        assert "Quay lại" not in home and "Hủy" not in home  # the home page has nowhere to go back to


async def test_hidden_and_disabled_buttons_are_not_offered_but_the_other_tabs_are(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#login").press()
        await settle(app, pilot)
        assert app.screen.id == "login"
        listed = offered(await open_palette(app, pilot))
        assert ("USB ký số", "Thẻ trên màn hình") in listed and ("SIM ký số", "Thẻ trên màn hình") in listed
        assert ("CMT/CCCD", "Thẻ trên màn hình") not in listed  # the tab already chosen
        assert [n for n, _ in listed].count("ĐĂNG NHẬP") == 1  # the USB and SIM panes' are hidden

        await choose(app, pilot, "USB ký số")
        assert app.screen.query_one("#login-tabs").active == "tab-usb"


async def test_a_search_finds_names_with_or_without_their_marks(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        palette = await open_palette(app, pilot, "ma moi")
        assert names(palette)[0] == "Mã mới"
        await pilot.press("escape")
        await pilot.pause()
        palette = await open_palette(app, pilot, "đổi")
        assert names(palette)[0] == "Đổi mã"
    assert fold("Đăng ký tương phản") == "Dang ky tuong phan"
    assert [key_text(k) for k in ("ctrl+q", "f10", "escape", "i")] == ["Ctrl+Q", "F10", "Esc", "I"]


async def test_a_search_that_matches_nothing_says_so_in_vietnamese(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        palette = await open_palette(app, pilot, "zzqxw")
        commands = palette.query_one(CommandList)
        for _ in range(300):  # Textual waits half a second (real time) before saying it
            if commands.option_count:
                break
            await pilot.pause(0.01)
        assert commands.option_count == 1
        assert str(commands.get_option_at_index(0).prompt) == "Không có lệnh nào khớp"


# -- choosing ------------------------------------------------------------------------------------
async def test_choosing_dang_ky_on_the_home_page_opens_the_subject_step(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        palette = await open_palette(app, pilot, "dang ky")
        assert names(palette)[0] == "Đăng ký"
        await pilot.press("enter")  # the best match is highlighted: Enter runs it
        await settle(app, pilot)
        await pilot.pause()
        assert app.screen.id == "choose-subject"


async def test_choosing_a_key_s_command_does_what_the_key_does(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        code = str(app.screen.query_one("#captcha-code").render())
        await open_palette(app, pilot)
        await choose(app, pilot, "Mã mới")
        assert app.screen.id == "register-mobile"
        assert str(app.screen.query_one("#captcha-code").render()) != code
        await open_palette(app, pilot)
        await choose(app, pilot, "Quay lại")
        assert app.screen.id == "choose-method"


async def test_the_app_s_commands_switch_the_look_and_are_named_for_what_they_will_do(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await open_palette(app, pilot)
        await choose(app, pilot, "Bật chế độ tương phản cao")
        assert app.theme == HIGH_CONTRAST
        await open_palette(app, pilot)
        await choose(app, pilot, "Bật bố cục chữ lớn")
        assert app.large_text and app.screen.has_class("-large-text")
        listed = names(await open_palette(app, pilot))
        assert "Tắt chế độ tương phản cao" in listed and "Tắt bố cục chữ lớn" in listed
        await choose(app, pilot, "Xem khung Tin nhắn SMS")
        assert app.focused is app.screen.query_one("#sms-inbox")


async def test_after_f8_the_palette_speaks_english(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        assert language() == "en"
        for _ in range(5):
            await pilot.pause()
        assert str(app.screen.query_one("#submit").label) == "REGISTER"  # the screen redrawn by F8
        palette = await open_palette(app, pilot)
        listed = offered(palette)
        # "New code" is the key F5 and the captcha's button: offered once
        assert listed[:4] == [("Back", "Key Esc"), ("Cancel", "Key F4"), ("New code", "Key F5"),
                              ("REGISTER", "Button on the screen")]
        assert "Switch to Vietnamese (Tiếng Việt)" in names(palette)
        assert palette.query_one(CommandInput).placeholder.startswith("Search for a command…")
        await choose(app, pilot, "Switch to Vietnamese (Tiếng Việt)")
        assert language() == "vi"
        for _ in range(5):  # the form is composed again, in Vietnamese, keeping what was typed
            await pilot.pause()
        assert str(app.screen.query_one("#submit").label) == "ĐĂNG KÝ"
        assert [name for name, _ in offered(await open_palette(app, pilot))][:2] == ["Quay lại", "Hủy"]


# -- kiosk mode ----------------------------------------------------------------------------------
async def test_a_kiosk_opens_no_palette(kiosk_app):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.action_command_palette()
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette) and app.screen.id == "home"

"""The password step (zone 9): the live checklist, the rule's refusals, Argon2id at rest, no copy."""

from dvc_tui.widgets.inputs import PasswordInput
from dvc_tui.core.text import VI
from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    click,
    error_of,
    paste,
    register,
    shown,
    submit,
    to_login,
    to_set_password,
    type_into,
    value_of,
)

RULE_LINES = [
    "8 ký tự trở lên",
    "chữ thường",
    "chữ in hoa",
    "chữ số",
    "ký tự đặc biệt",
    "hai mật khẩu giống nhau",
]


def checklist(app) -> dict[str, bool]:
    """Each line of the checklist: its rule and whether it shows a tick."""
    lines = shown(app, "#password-checklist").splitlines()
    assert [line[2:] for line in lines] == RULE_LINES
    return {line[2:]: line.startswith("✓") for line in lines}


def ticked(app) -> set[str]:
    return {rule for rule, ok in checklist(app).items() if ok}


async def test_the_checklist_ticks_live_and_weak_unequal_or_late_passwords_are_refused(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_set_password(app, pilot)
        assert shown(app, "#pw-rule") == (
            "* Sử dụng 8 ký tự trở lên bao gồm chữ thường, chữ in hoa, số và ký tự đặc biệt."
        )
        assert app.focused.id == "password"
        assert isinstance(app.screen.query_one("#password"), PasswordInput)
        assert isinstance(app.screen.query_one("#password-confirm"), PasswordInput)
        assert ticked(app) == set()
        await pilot.press("a")
        assert ticked(app) == {"chữ thường"}
        await pilot.press("B")
        assert ticked(app) == {"chữ thường", "chữ in hoa"}
        await pilot.press("1", "exclamation_mark")
        assert ticked(app) == {"chữ thường", "chữ in hoa", "chữ số", "ký tự đặc biệt"}
        await paste(pilot, {"password": "aB1!aB1!"})
        assert ticked(app) == set(RULE_LINES[:5])
        await paste(pilot, {"password-confirm": "aB1!aB1!"})
        assert ticked(app) == set(RULE_LINES)
        # Each unmet rule is refused by name, under the field.
        weak = {
            "": "Bạn phải nhập mật khẩu.",
            "Ab1!xyz": "Mật khẩu còn thiếu: 8 ký tự trở lên.",
            "ABCDEF1!": "Mật khẩu còn thiếu: chữ thường.",
            "abcdef1!": "Mật khẩu còn thiếu: chữ in hoa.",
            "Abcdefg!": "Mật khẩu còn thiếu: chữ số.",
            "Abcdefg1": "Mật khẩu còn thiếu: ký tự đặc biệt.",
        }
        for password, message in weak.items():
            await paste(pilot, {"password": password, "password-confirm": password})
            await submit(app, pilot)
            assert app.screen.id == "set-password"
            assert error_of(app, "password") == message, password
            assert error_of(app, "password-confirm") == ""
            assert value_of(app, "password") == password  # kept to be corrected
            assert app.focused.id == "password"
        # Two different passwords are refused under the confirmation.
        await paste(pilot, {"password": "Sen-Vang-2024!", "password-confirm": "Sen-Vang-2024?"})
        assert ticked(app) == set(RULE_LINES[:5])
        await submit(app, pilot)
        assert app.screen.id == "set-password"
        assert error_of(app, "password") == ""
        assert error_of(app, "password-confirm") == "Xác nhận mật khẩu không khớp với mật khẩu."
        assert app.focused.id == "password-confirm"
        # A good password, but more than 15 minutes after the code was confirmed.
        await paste(pilot, {"password": "Sen-Vang-2024!", "password-confirm": "Sen-Vang-2024!"})
        clock.advance(15 * 60 + 1)
        await submit(app, pilot)
        assert app.screen.id == "set-password"
        assert shown(app, "#password-message") == (
            "Mã OTP chưa được xác nhận hoặc đã quá 15 phút; vui lòng đăng ký lại."
        )
        assert app.services.store.count_accounts() == 0


async def test_a_weak_password_is_refused_under_the_field_in_vietnamese_and_kept(make_app):
    """Past the portal's rule, but the person's own data, a common password or guessable: the
    reason under the password field (before any mismatch), both values kept, nothing created."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_set_password(app, pilot)  # Nguyễn Văn An, 001090012345, 01/01/1990, 0828123088
        guessable = "Mật khẩu quá dễ đoán ({}); hãy dùng mật khẩu dài hơn, ghép vài từ ít gặp."
        refusals = {
            "Sen#0828123088": "Mật khẩu không được chứa số điện thoại của bạn.",
            "Sen#001090012345": "Mật khẩu không được chứa số CMT/CCCD của bạn.",
            "Nguyễn@2024!": "Mật khẩu không được chứa họ tên của bạn.",
            "An@2024xyzw": "Mật khẩu không được chứa họ tên của bạn.",
            "Sen#01011990": "Mật khẩu không được chứa ngày sinh của bạn.",
            "P@ssw0rd2024!": "Mật khẩu này nằm trong danh sách mật khẩu hay bị dùng nhất; hãy chọn mật khẩu khác.",
            "Zaq1@wsX": guessable.format(VI["pw.hint.keyboard"]),
        }
        for password, message in refusals.items():
            await paste(pilot, {"password": password, "password-confirm": password + "x"})
            assert ticked(app) == set(RULE_LINES[:5])  # the rule is met: the weakness is said on submit
            await submit(app, pilot)
            assert app.screen.id == "set-password"
            assert error_of(app, "password") == message, password
            assert error_of(app, "password-confirm") == ""  # weakness first, then the confirmation
            assert value_of(app, "password") == password
            assert value_of(app, "password-confirm") == password + "x"
            assert app.focused.id == "password"
        assert app.services.store.count_accounts() == 0
        await paste(pilot, {"password": GOOD_PASSWORD, "password-confirm": GOOD_PASSWORD})
        await submit(app, pilot)
        assert app.screen.id == "registered"


async def test_registration_ends_at_level_2_with_an_argon2id_hash_and_no_clear_password_on_disk(make_app):
    password = "Quokka#Zebra2026"
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await register(app, pilot, password=password)
        # What the user sees: the account exists, at verification level 2.
        assert "Đăng ký thành công" in [str(w.render()) for w in app.screen.query(".title")]
        assert shown(app, "#done-body") == f"Tài khoản {CITIZEN['cccd']} ({CITIZEN['full-name']}) đã được tạo."
        assert shown(app, "#done-level") == "Mức xác minh 2 (đã được xác minh bởi nhà mạng)"
        # What the store holds: an Argon2id hash, and the clear password nowhere in its files.
        account = app.services.store.get_account(CITIZEN["cccd"])
        assert int(account.level) == 2
        assert account.password_hash.startswith("$argon2id$v=19$")
        assert app.services.hasher.verify(account.password_hash, password)
        db_path = app.services.config.db_path
        contents = {name: (db_path.parent / name).read_bytes() for name in (db_path.name, db_path.name + "-wal")}
        assert any(account.password_hash.encode() in data for data in contents.values())  # the right files
        for name, data in contents.items():
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert password.encode(encoding) not in data, (name, encoding)
        # Đăng nhập ngay: the login screen, with the ID already filled in.
        assert app.focused.id == "to-login"
        await click(pilot, "#to-login")
        assert app.screen.id == "login"
        assert value_of(app, "username") == CITIZEN["cccd"]
        assert value_of(app, "password") == ""
        assert app.focused.id == "password"  # the name is there: the password is next


async def test_password_inputs_never_put_their_text_on_the_clipboard(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_login(app, pilot)
        username = app.screen.query_one("#username")
        password = app.screen.query_one("#password")
        assert isinstance(password, PasswordInput) and password.password
        # A plain field copies: the check below would see a leak.
        await type_into(pilot, "username", CITIZEN["cccd"])
        username.select_all()
        username.action_copy()
        assert app.clipboard == CITIZEN["cccd"]
        await type_into(pilot, "password", "Secret#123")
        assert "Secret#123" not in str(password.render())  # shown masked
        password.select_all()
        assert password.selected_text == "Secret#123"
        password.action_copy()
        assert app.clipboard == CITIZEN["cccd"]
        password.action_cut()
        assert app.clipboard == CITIZEN["cccd"]
        assert password.value == "Secret#123"  # cut did not take the text either
        # The keys do the same.
        password.select_all()
        await pilot.press("ctrl+c")
        await pilot.press("ctrl+x")
        assert app.clipboard == CITIZEN["cccd"]
        assert password.value == "Secret#123"
        assert app.screen.id == "login"

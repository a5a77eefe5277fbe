"""Đăng ký – Thuê bao di động: the form (zone 6), its messages under each field, and ĐĂNG KÝ."""

from tests.screens.helpers import (
    CITIZEN,
    MAI,
    captcha_code,
    click,
    error_of,
    form_values,
    hint_of,
    paste,
    press_text,
    seed_account,
    settle,
    shown,
    submit,
    to_form,
    type_into,
    value_of,
)

REQUIRED = {
    "cccd": "Bạn phải nhập cmt/cccd.",
    "full-name": "Bạn phải nhập họ tên.",
    "dob": "Bạn phải nhập ngày sinh.",
    "phone": "Bạn phải nhập số điện thoại.",
    "captcha": "Bạn phải nhập mã xác thực.",
}
FIELDS = ("cccd", "full-name", "dob", "phone", "email", "captcha")


async def test_an_empty_form_names_every_required_field_under_it(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        labels = [str(w.render()) for w in app.screen.query(".field-label")]
        assert labels == [
            "Tên đăng nhập (Số CMT/CCCD) *",
            "Họ tên *",
            "Ngày sinh *",
            "Số điện thoại *",
            "Email",
            "Nhập mã xác thực *",
        ]
        assert "chính chủ" in shown(app, "#note-own")
        assert str(app.screen.query_one("#submit").label) == "ĐĂNG KÝ"
        assert len(captcha_code(app)) == 6
        assert app.focused.id == "cccd"
        assert [error_of(app, f) for f in FIELDS] == [""] * 6  # nothing before the user acts
        # One click on ĐĂNG KÝ, straight from the empty ID field, checks the whole form.
        await submit(app, pilot)
        assert app.screen.id == "register-mobile"
        for field_id, message in REQUIRED.items():
            assert error_of(app, field_id) == message
        assert error_of(app, "cccd") == "Bạn phải nhập cmt/cccd."
        assert error_of(app, "email") == ""  # optional
        assert shown(app, "#form-message") == "Vui lòng kiểm tra lại các trường có thông báo lỗi."
        assert app.focused.id == "cccd"  # the first field to fix
        assert app.services.store.count_accounts() == 0
        assert not app.recent_sms


async def test_leaving_a_field_checks_it_and_the_phone_shows_its_carrier(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        assert app.focused.id == "cccd"
        await pilot.press("tab")  # leave the ID empty
        assert app.focused.id == "full-name"
        assert error_of(app, "cccd") == "Bạn phải nhập cmt/cccd."
        assert error_of(app, "full-name") == ""  # not visited yet
        await paste(pilot, {"cccd": "12345"})
        await pilot.press("shift+tab", "tab")  # back into the ID and out again
        assert error_of(app, "cccd") == "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập 5 số."
        assert value_of(app, "cccd") == "12345"  # what was typed is kept
        await paste(pilot, {"cccd": CITIZEN["cccd"]})
        await pilot.press("shift+tab", "tab")
        assert error_of(app, "cccd") == ""  # fixed: the message goes
        await paste(pilot, {"full-name": "Nguyễn Văn 2"})
        await pilot.press("tab")
        assert app.focused.id == "dob"
        assert error_of(app, "full-name") == "Họ tên chỉ gồm chữ cái và dấu cách (ký tự không hợp lệ: 2)."
        # The phone is checked as it is typed, without scolding: its carrier shows once valid.
        await pilot.press("tab")
        assert app.focused.id == "phone"
        await press_text(pilot, "0828")
        assert hint_of(app, "phone") == ""
        assert error_of(app, "phone") == ""
        await press_text(pilot, "123088")
        assert hint_of(app, "phone") == "Nhà mạng: Vinaphone"
        await paste(pilot, {"phone": "+84987000222"})
        assert hint_of(app, "phone") == "Nhà mạng: Viettel"
        await paste(pilot, {"phone": "098700022"})
        assert hint_of(app, "phone") == ""
        await pilot.press("tab")  # leaving it checks it
        assert error_of(app, "phone") == "Số điện thoại không thuộc dải số của nhà mạng Việt Nam."


async def test_a_cccd_that_disagrees_with_the_date_of_birth_names_the_part(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        cases = [
            ("001290012345", "Chữ số thứ 4 của CCCD (2: thế kỷ sinh và giới tính) không khớp với năm sinh 1990."),
            ("001091012345", "Chữ số thứ 5–6 của CCCD (91: năm sinh) không khớp với năm sinh 1990."),
            ("003090012345", "Mã tỉnh 003 (3 số đầu của CCCD) không tồn tại."),
        ]
        await paste(pilot, CITIZEN)
        for cccd, message in cases:
            await paste(pilot, {"cccd": cccd, "captcha": captcha_code(app)})
            await submit(app, pilot)
            assert app.screen.id == "register-mobile"
            assert error_of(app, "cccd") == message
            assert [error_of(app, f) for f in FIELDS[1:]] == [""] * 5
        # Leaving the date of birth checks the ID against the new date.
        await paste(pilot, {"cccd": CITIZEN["cccd"]})
        await type_into(pilot, "dob", "01/01/1991")
        await pilot.press("tab")
        assert error_of(app, "cccd") == "Chữ số thứ 5–6 của CCCD (90: năm sinh) không khớp với năm sinh 1991."
        await type_into(pilot, "dob", "01/01/2005")
        await pilot.press("tab")
        assert error_of(app, "cccd") == "Chữ số thứ 4 của CCCD (0: thế kỷ sinh và giới tính) không khớp với năm sinh 2005."
        await type_into(pilot, "dob", "01/01/1990")
        await pilot.press("tab")
        assert error_of(app, "cccd") == ""


async def test_bad_names_dates_phones_and_emails_are_each_explained(make_app):
    # Each round puts one bad value in every field at once and submits; what was typed stays.
    rounds = [
        {
            "full-name": ("Nguyen@Van", "Họ tên chỉ gồm chữ cái và dấu cách (ký tự không hợp lệ: @)."),
            "dob": ("01/12/2026", "Ngày sinh không được ở tương lai."),  # the clock: 30/11/2026
            "phone": ("02438256789", "Đây không phải số di động; vui lòng nhập số thuê bao di động."),
            "email": ("an@", "Email không hợp lệ (ví dụ: ten@example.vn)."),
        },
        {
            "full-name": ("王小明", "Họ tên chỉ gồm chữ cái và dấu cách (ký tự không hợp lệ: 王)."),
            "dob": ("31/02/1990", "Ngày sinh không có trên lịch."),
            "phone": ("+14155552671", "Chỉ chấp nhận số điện thoại di động Việt Nam (+84)."),
            "email": ("an.example.vn", "Email không hợp lệ (ví dụ: ten@example.vn)."),
        },
        {
            "full-name": ("A", "Họ tên dài từ 2 đến 100 ký tự."),
            "dob": ("31/12/1899", "Năm sinh phải từ 1900 trở đi."),
            "phone": ("abc-xyz", "Số điện thoại không đúng định dạng (ví dụ 0912345678 hoặc +84912345678)."),
            "email": ("an@example", "Email không hợp lệ (ví dụ: ten@example.vn)."),
        },
        {
            "full-name": ("Nguyễn\tVăn", "Họ tên chỉ dùng một dấu cách giữa các từ."),
            "dob": ("1990-01-01", "Ngày sinh nhập theo dạng dd/mm/yyyy, ví dụ 25/04/1990."),
            "phone": ("0123456789", "Số điện thoại không thuộc dải số của nhà mạng Việt Nam."),
            "email": ("an @example.vn", "Email không hợp lệ (ví dụ: ten@example.vn)."),
        },
    ]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await paste(pilot, {"cccd": "001090012345"})
        for bad in rounds:
            typed = {field_id: value for field_id, (value, _) in bad.items()}
            await paste(pilot, {**typed, "captcha": captcha_code(app)})
            await submit(app, pilot)
            assert app.screen.id == "register-mobile"
            for field_id, (value, message) in bad.items():
                assert error_of(app, field_id) == message, value
                assert value_of(app, field_id) == value
            assert hint_of(app, "phone") == ""  # no carrier for a bad number
            assert error_of(app, "captcha") == ""
            assert app.focused.id == "full-name"  # the first field to fix
        assert not app.recent_sms


async def test_a_wrong_captcha_gives_a_new_code_keeps_the_values_and_any_case_works(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        values = {**CITIZEN, "email": "an@example.vn"}
        first = captcha_code(app)
        await paste(pilot, {**values, "captcha": "ZZZZZZ" if first != "ZZZZZZ" else "YYYYYY"})
        await submit(app, pilot)
        assert app.screen.id == "register-mobile"
        wrong = "Mã xác thực không đúng. Đã tạo mã mới, vui lòng nhập lại."
        assert error_of(app, "captcha") == wrong
        second = captcha_code(app)
        assert second != first
        assert value_of(app, "captcha") == ""
        assert form_values(app) == values
        assert [error_of(app, f) for f in FIELDS[:5]] == [""] * 5
        assert app.focused.id == "captcha"
        assert not app.recent_sms  # nothing was sent
        # The code that was shown before no longer works.
        await paste(pilot, {"captcha": first})
        await submit(app, pilot)
        assert error_of(app, "captcha") == wrong
        assert form_values(app) == values
        # "Đổi mã" gives another code on demand, even clicked straight from a field in error
        # (the field's message must not move the button from under the pointer).
        await type_into(pilot, "cccd", "12345")
        before = captcha_code(app)
        await click(pilot, "#captcha-new")
        assert captcha_code(app) != before
        assert app.focused.id == "captcha"
        await paste(pilot, {"cccd": CITIZEN["cccd"]})
        # The code is read without regard to case.
        await paste(pilot, {"captcha": captcha_code(app).lower()})
        await submit(app, pilot)
        assert app.screen.id == "otp"


async def test_a_number_registered_to_another_id_is_refused_as_not_own(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        # +84912000111 belongs to 079190000111 (Trần Thị Mai) in the carriers' registry.
        values = {**CITIZEN, "phone": "0912000111"}
        await paste(pilot, {**values, "captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "register-mobile"
        not_own = "Số điện thoại không chính chủ: thuê bao này không được đăng ký với số CMT/CCCD đã nhập."
        assert error_of(app, "phone") == not_own
        assert shown(app, "#form-message") == not_own
        assert form_values(app) == {**values, "email": ""}
        assert app.focused.id == "phone"
        assert not app.recent_sms
        assert app.services.store.count_accounts() == 0
        # Its own holder may use it.
        await paste(pilot, {**MAI, "captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "otp"
        assert "091****111" in shown(app, "#otp-sent")


async def test_an_id_that_already_has_an_account_gets_the_portal_s_message_and_ways_forward(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_form(app, pilot)
        await paste(pilot, {**CITIZEN, "captcha": captcha_code(app)})
        old_captcha = captcha_code(app)
        await submit(app, pilot)
        assert app.screen.id == "register-mobile"
        exists = "Số CMT/CCCD này đã có tài khoản trên Cổng Dịch vụ công quốc gia."
        assert error_of(app, "cccd") == exists
        message = shown(app, "#form-message")
        assert message.startswith(exists)
        assert "“Quên mật khẩu”" in message
        assert "quầy giao dịch" in message
        assert "khiếu nại" in message
        assert form_values(app) == {**CITIZEN, "email": ""}
        assert captcha_code(app) != old_captcha  # a new captcha for the next try
        assert app.focused.id == "cccd"
        assert not app.recent_sms
        assert app.services.store.count_accounts() == 1

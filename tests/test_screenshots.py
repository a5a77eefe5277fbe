"""dvc-tui screenshots: the handbook for one path in one language, pictured by the app itself."""

from __future__ import annotations

import html
import re

from dvc_tui.cli import main


def test_the_handbook_of_the_mobile_path_in_vietnamese(tmp_path, capsys):
    outdir = tmp_path / "book"
    assert main(["screenshots", str(outdir), "--lang", "vi", "--path", "mobile"]) == 0
    files = sorted(p.name for p in (outdir / "vi").glob("*.svg"))
    assert files == ["01-mobile-home.svg", "02-mobile-choose-subject.svg", "03-mobile-choose-method.svg",
                     "04-mobile-register-mobile.svg", "05-mobile-otp.svg", "06-mobile-set-password.svg",
                     "07-mobile-registered.svg"]
    titles = {  # a title each screen shows (the SVG's text without its tags)
        "01-mobile-home.svg": "CỔNG DỊCH VỤ CÔNG QUỐC GIA",
        "04-mobile-register-mobile.svg": "Số điện thoại",
        "05-mobile-otp.svg": "Xác thực mã OTP",
        "07-mobile-registered.svg": "Đăng ký thành công",
    }
    for name, title in titles.items():
        svg = (outdir / "vi" / name).read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
        assert title in text, name
    index = (outdir / "index.html").read_text(encoding="utf-8")
    for name in files:
        assert f'<img src="vi/{name}"' in index
    assert "Đăng ký bằng thuê bao di động" in index
    assert "vi/05-mobile-otp.svg" in (outdir / "index.md").read_text(encoding="utf-8")
    assert "Đã ghi 7 ảnh" in capsys.readouterr().out

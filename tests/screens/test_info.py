"""Thông tin (`info`): the leaflet's header, the Zalo group's QR code as segno draws it, the
links and the Directive; from the home page's button or the key i; Esc (or the button) home."""

from __future__ import annotations

import segno

from dvc_tui.screens.info import PORTAL_URL, ZALO_GROUP_URL
from dvc_tui.widgets.qr import QUIET_ZONE
from tests.screens.helpers import click, settle, shown


def segno_lines(data: str) -> list[str]:
    """segno's own matrix, drawn two rows to a line: the QR code a camera must read."""
    rows = [list(row) for row in segno.make_qr(data, error="L").matrix_iter(scale=1, border=QUIET_ZONE)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    glyph = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return ["".join(glyph[bool(top), bool(bottom)] for top, bottom in zip(rows[i], rows[i + 1]))
            for i in range(0, len(rows), 2)]


async def test_the_info_screen_shows_the_leaflet_header_and_goes_back(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.id == "info"
        assert shown(app, ".title") == "Thông tin"
        assert shown(app, "#info-group") == "CÔNG NGHỆ SỐ CỘNG ĐỒNG"
        assert shown(app, "#info-zalo-link") == "zalo.me/g/jqrqwa585"
        directive = shown(app, "#info-directive").replace("\n", " ")
        assert f"link {ZALO_GROUP_URL} " in directive and "phường 3" in directive
        assert "Chỉ thị số 02/CT-TTg ngày 26/4/2022 của Thủ tướng Chính phủ" in directive
        assert f"({PORTAL_URL})" in shown(app, "#info-portal")
        qr = app.screen.query_one("#info-qr")
        assert qr.data == ZALO_GROUP_URL
        assert str(qr.render()).split("\n") == segno_lines(ZALO_GROUP_URL)
        # the whole code is on screen, not cut: as wide and as tall as segno's matrix
        assert (qr.region.width, qr.region.height) == (len(segno_lines(ZALO_GROUP_URL)[0]), len(segno_lines(ZALO_GROUP_URL)))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "home"
        await click(pilot, "#info")
        assert app.screen.id == "info"
        await click(pilot, "#info-home")
        assert app.screen.id == "home"


async def test_in_english(make_app):
    app = make_app(language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#info")
        assert app.screen.id == "info"
        assert shown(app, ".title") == "Information"
        assert "Directive 02/CT-TTg of 26/4/2022" in shown(app, "#info-directive").replace("\n", " ")

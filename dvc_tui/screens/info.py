"""Thông tin (`info`), from the home page: the leaflet's header. The ward's Zalo group
"CÔNG NGHỆ SỐ CỘNG ĐỒNG" with its QR code drawn in the terminal (a phone's camera reads it) and
its link, under Directive 02/CT-TTg of 26/4/2022, and the portal's address. Esc goes home."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from dvc_tui.core.text import t
from dvc_tui.screens.base import PortalScreen
from dvc_tui.widgets.qr import QrCode

ZALO_GROUP_URL = "https://zalo.me/g/jqrqwa585"
PORTAL_URL = "https://dichvucong.gov.vn"


class InfoScreen(PortalScreen):
    def __init__(self) -> None:
        super().__init__(id="info")

    def compose_body(self) -> ComposeResult:
        yield Static(t("info.title"), classes="title")
        yield Static(t("info.subtitle"), classes="subtitle")
        with Horizontal(id="info-zalo"):
            yield QrCode(ZALO_GROUP_URL, id="info-qr")
            with Vertical(id="info-zalo-text"):
                yield Static(t("info.zalo.kind"), id="info-zalo-kind")
                yield Static(t("info.zalo.group"), id="info-group")
                yield Static(t("info.zalo.scan"), id="info-scan")
                yield Static(ZALO_GROUP_URL.removeprefix("https://"), id="info-zalo-link")  # as on the leaflet
        yield Static(t("info.directive", url=ZALO_GROUP_URL), id="info-directive")
        yield Static(t("info.portal", url=PORTAL_URL), id="info-portal")
        yield Static(t("info.offline"), id="info-offline", classes="hint")
        yield Button(t("info.home"), id="info-home")

    def on_mount(self) -> None:
        self.query_one("#main").focus()  # the arrow keys scroll the page; Tab reaches the button

    @on(Button.Pressed, "#info-home")
    def _home(self) -> None:
        self.action_back()

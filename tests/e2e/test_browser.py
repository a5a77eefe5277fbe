"""`dvc-tui serve` in a real browser: Debian's Chromium, headless, driven by Playwright through a
whole registration (mobile subscription), reading what the page's terminal shows.

The page's terminal (xterm.js) draws on a canvas; to read its text the test makes the page's
script keep its terminal in `window.__dvcTerminal` (a one-line change to textual.js as the
browser loads it, the served file is untouched) and reads the terminal's buffer: the cells the
canvas shows. Keys go in as a person's would: into the terminal's input, one press at a time.

Needs Playwright (the test extra) and /usr/bin/chromium (apt-get install chromium); without
them the test is skipped, unless DVC_TUI_REQUIRE_BROWSER=1 (.ci/run sets it): then it fails.
The screenshot is saved in $DVC_TUI_ARTIFACTS (default: the test's tmp dir).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CITIZEN, GOOD_PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EXPOSE_TERMINAL = ("this.terminal=new v.Terminal(", "this.terminal=window.__dvcTerminal=new v.Terminal(")
READ_SCREEN = """() => {
    const term = window.__dvcTerminal;
    if (!term) return "";
    const buffer = term.buffer.active, lines = [];
    for (let row = 0; row < term.rows; row++) {
        const line = buffer.getLine(buffer.viewportY + row);
        lines.push(line ? line.translateToString(true) : "");
    }
    return lines.join("\\n");
}"""


def _require_browser():
    required = os.environ.get("DVC_TUI_REQUIRE_BROWSER") == "1"
    problem = None
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        problem = "Playwright is not installed (pip install -e '.[test]')"
    if problem is None and not Path(CHROMIUM).exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    if problem:
        if required:
            pytest.fail(problem)
        pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """`dvc-tui serve` on a free port of 127.0.0.1, over a fresh data dir; stopped with Ctrl+C."""
    _require_browser()
    data = tmp_path / "data"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dvc_tui", "--data-dir", str(data), "--no-keyring", "--hash-cost", "test",
         "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    first_line = server.stdout.readline()  # printed once the server listens
    assert f"http://127.0.0.1:{port}" in first_line, first_line + server.stdout.read()
    try:
        yield f"http://127.0.0.1:{port}/", data
    finally:
        server.send_signal(signal.SIGINT)
        try:
            rest, _ = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            rest, _ = server.communicate()
        assert server.returncode == 0, rest
        assert "Traceback" not in rest, rest


class Page:
    """The served page: keys in, the terminal's text out."""

    def __init__(self, page) -> None:
        self.page = page

    def screen(self) -> str:
        return self.page.evaluate(READ_SCREEN)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                time.sleep(0.3)  # as a person would: the screen drawn, its focus set, then a key
                return self.screen()
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} not shown within {timeout} s; the screen:\n{shown}")
            time.sleep(0.1)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=15)


def test_a_registration_in_the_browser(served, tmp_path):
    from playwright.sync_api import sync_playwright

    url, data = served
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda request: None if request.url.startswith(url) else outside.append(request.url))
            exposed: list[bool] = []

            def expose_terminal(route) -> None:
                response = route.fetch()
                script = response.text()
                exposed.append(EXPOSE_TERMINAL[0] in script)
                route.fulfill(response=response, body=script.replace(*EXPOSE_TERMINAL, 1))

            page.route("**/static/js/textual.js", expose_terminal)
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == "vi"
            term = Page(page)
            assert exposed == [True], "textual.js changed: the test cannot find its terminal"
            term.wait_for("Thông tin")  # the home page's third button: the page is drawn
            page.locator(".xterm-helper-textarea").focus()

            term.press("Enter")  # Đăng ký
            term.wait_for("Chọn đối tượng đăng ký")
            term.press("Enter")  # Công dân
            term.wait_for("Thuê bao di động")
            term.press("Enter")  # Thuê bao di động
            form = term.wait_for("Nhập mã xác thực")
            captcha = re.search(r"([A-Z0-9]{6})\s+Đổi mã", form)
            assert captcha, form
            for text in (CITIZEN["cccd"], CITIZEN["full-name"], CITIZEN["dob"], CITIZEN["phone"]):
                term.type(text)
                term.press("Tab")
            term.press("Tab")  # past the optional email
            term.type(captcha.group(1))
            term.press("Enter")

            otp_screen = term.wait_for("Nhập mã OTP")
            code = re.search(r"cua ban la (\d{6})\.", otp_screen)  # the SMS, in the pane
            assert code, otp_screen
            term.type(code.group(1))
            term.press("Enter")
            term.wait_for("Xác nhận mật khẩu")
            term.type(GOOD_PASSWORD)
            term.press("Tab")
            term.type(GOOD_PASSWORD)
            term.press("Enter")
            done = term.wait_for("Đăng ký thành công")
            assert "Nguyễn Văn An" in done or CITIZEN["cccd"] in done, done

            artifacts = Path(os.environ.get("DVC_TUI_ARTIFACTS") or tmp_path)
            artifacts.mkdir(parents=True, exist_ok=True)
            shot = artifacts / "browser-registration.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            print(f"screenshot: {shot}")
        finally:
            browser.close()
    assert outside == [], f"the page asked for something not on this server: {outside}"

    from dvc_tui.store.sqlite import DB_NAME, SqliteStore

    store = SqliteStore(data / DB_NAME)
    try:
        account = store.get_account(CITIZEN["cccd"])
    finally:
        store.close()
    assert account is not None and account.full_name == CITIZEN["full-name"]

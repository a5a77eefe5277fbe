"""dvc-tui demo: the player drives the real app by the stable ids to the end of a path; any key
pauses it (the screen stops changing), another resumes it."""

from __future__ import annotations

import random

from dvc_tui.demo.app import DemoApp
from dvc_tui.demo.script import PASSWORD


def demo_app(data_dir, clock, path: str, speed: float = 0) -> DemoApp:
    return DemoApp(data_dir, paths=[path], speed=speed, clock=clock, rng=random.Random(99),
                   hash_cost="test", use_keyring=False, language="vi")


async def until(pilot, condition, rounds: int = 1500) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the demo did not get there")


def caption(app) -> str:
    return str(app.screen.query_one("#demo-caption").render())


async def test_the_mobile_demo_registers_a_fresh_citizen(data_dir, clock):
    app = demo_app(data_dir, clock, "mobile")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: not app.player.active)
        assert app.player.failure is None
        assert app.screen.id == "registered"
        [username] = app.player.made
        account = app.services.store.get_account(username)
        assert account.method.value == "mobile" and int(account.level) == 2
        assert app.services.hasher.verify(account.password_hash, PASSWORD)
        assert caption(app) == "Demo kết thúc – bạn có thể tiếp tục dùng ứng dụng."


async def test_the_login_demo_pauses_on_a_key_then_reaches_the_profile(data_dir, clock):
    app = demo_app(data_dir, clock, "login", speed=8)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "register-mobile" and app.focused is not None
                    and app.focused.id == "full-name" and len(app.focused.value) >= 3)
        await pilot.press("x")  # any key: pause
        assert app.player.paused
        await pilot.pause(0.1)
        seen = (app.screen.id, app.focused.id, app.focused.value)
        await pilot.pause(0.6)  # at speed 8 the demo would type ~70 keys in this time
        assert (app.screen.id, app.focused.id, app.focused.value) == seen
        assert seen[2].lower() != "x" and "x" not in seen[2][-1:]  # the key was not typed
        assert caption(app).startswith("Demo – tạm dừng")
        await pilot.press("y")  # another key: go on
        assert not app.player.paused
        await until(pilot, lambda: app.screen.id != seen[0] or app.focused.value != seen[2])
        app.player.speed = float("inf")  # the rest at full speed
        app.player.fast = True
        await until(pilot, lambda: not app.player.active)
        assert app.player.failure is None
        assert app.screen.id == "profile"
        [username] = app.player.made
        rows = str(app.screen.query_one("#profile-rows").render())
        assert app.services.store.get_account(username).full_name in rows


async def test_esc_stops_the_demo_and_leaves_the_app_to_the_user(data_dir, clock):
    app = demo_app(data_dir, clock, "mobile", speed=8)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "choose-subject")
        await pilot.press("escape")
        assert app.player.stopped
        await pilot.pause(0.5)
        assert caption(app) == "Demo đã dừng – bạn đang điều khiển ứng dụng."
        screen = app.screen.id
        await pilot.press("escape")  # now Esc is the app's own: back one step
        await pilot.pause()
        assert app.screen.id != screen

"""Keys faster than screens through the REAL terminal (issue 14, finding 1): the real
`python -m dvc_tui --kiosk` in a pty, random key mixes written at machine speed after walks to deep
screens (tests/keyburst.py: PtyKiosk, pty_round); the long run is benchmarks/key_burst.py."""

from __future__ import annotations

import random

from tests import keyburst

ROUNDS = 20


def test_key_bursts_through_a_real_terminal_never_crash_the_kiosk(tmp_path):
    keyburst.set_pin(tmp_path / "data")
    kiosk = keyburst.PtyKiosk(tmp_path / "data", tmp_path).start()
    try:
        assert kiosk.wait_for(lambda s: s[0] == "home", 30), kiosk.output[-2000:]
        rng = random.Random(14)
        screens: set[str] = set()
        starts = ["home", "home", "home", "home", "register-mobile"]  # a walk costs seconds
        for number in range(ROUNDS):
            keyburst.pty_round(kiosk, rng, starts[number % len(starts)], 40, screens)
            assert kiosk.alive(), (number, kiosk.status, bytes(kiosk.output[-3000:]))
            assert kiosk.crashes() == 0, (number, (tmp_path / "data" / "crash.log").read_text())
        seen = keyburst.pty_screens(kiosk) | screens
        assert {"home", "choose-subject", "choose-method"} <= seen, seen
    finally:
        kiosk.close()
    assert not (tmp_path / "data" / "crash.log").exists()

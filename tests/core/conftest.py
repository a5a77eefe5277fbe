"""What every test of the rules shares: messages in Vietnamese, the default (the clock, data dir
and the rest come from tests/conftest.py)."""

from __future__ import annotations

import pytest

from dvc_tui.core.text import set_language


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")

"""Quên mật khẩu, the last step: the new password (same rule as registration, not the old one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from dvc_tui.core.identity import mask_id
from dvc_tui.core.passwords import PersonalData
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.set_password import NewPasswordScreen


class ResetPasswordScreen(NewPasswordScreen):
    STEP = (3, 3)
    LABEL_KEYS = ("reset.field", "reset.confirm")
    SUBMIT_KEY = "reset.submit"
    BUSY_KEY = "reset.saving"

    def __init__(self, username: str, services) -> None:
        super().__init__(services, id="reset-password")
        self.username = username

    def compose_intro(self) -> ComposeResult:
        yield Static(t("forgot.title"), classes="title")
        yield Static(t("reset.subtitle", username=mask_id(self.username)), id="reset-for", classes="subtitle",
                     markup=False)
        yield Static(t("pw.rule"), id="pw-rule", classes="hint")
        yield Static(t("reset.not_old"), id="reset-not-old", classes="hint")

    def personal(self) -> PersonalData:
        # The ID only: the account's name and phone are read in the worker, where
        # complete_password_reset checks them after the code (no store read on the event loop).
        return PersonalData(id_number=self.username)

    def complete(self, password: str, confirm: str):
        return self.services.accounts.complete_password_reset(self.username, password, confirm)

    def field_of(self, error: PortalError) -> str | None:
        return "password" if error.key == "reset.same_as_old" else super().field_of(error)

"""A form field: its label (with the red * when required), the input, a hint and the error."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from dvc_tui.core.text import t
from dvc_tui.widgets.inputs import VietInput
from dvc_tui.textual_compat import DropMessagesFromGone


class FormField(DropMessagesFromGone, Vertical):
    DEFAULT_CLASSES = "field"

    def __init__(
        self,
        input_id: str,
        label_key: str,
        *,
        required: bool = True,
        placeholder_key: str | None = None,
        value: str = "",
        input_widget: Input | None = None,
    ) -> None:
        super().__init__(id=f"{input_id}-field")
        self.input_id = input_id
        self.label_key = label_key
        self.required = required
        self._input = input_widget or VietInput(
            value=value,
            placeholder=t(placeholder_key) if placeholder_key else "",
            id=input_id,
            select_on_focus=False,
        )

    def compose(self) -> ComposeResult:
        mark = f" [b red]{t('form.required_mark')}[/]" if self.required else ""
        yield Label(f"{_escape(t(self.label_key))}{mark}", classes="field-label")
        yield self._input
        yield Static("", id=f"{self.input_id}-hint", classes="field-hint")
        yield Static("", id=f"{self.input_id}-error", classes="field-error")

    def on_mount(self) -> None:
        self.show_error(None)
        self.show_hint(None)

    @property
    def input(self) -> Input:
        return self._input

    def show_error(self, message: str | None) -> None:
        error = self.query_one(f"#{self.input_id}-error", Static)
        error.update(_escape(message or ""))
        error.display = bool(message)
        self.set_class(bool(message), "-invalid")
        self.error_said = message  # said again after a language switch
        mistake = getattr(self.screen, "mistake", None)
        if mistake is not None:  # training mode: the guide names the rule behind it
            mistake(self.input_id, message)
        if self.is_attached:  # the trainer's log: a problem's key, never its words or the value
            from dvc_tui.screens.trainer_log import note_shown

            note_shown(self.screen, self.input_id, message, self._input.value, field=True)

    def on_viet_input_paste_refused(self, message: VietInput.PasteRefused) -> None:
        message.stop()
        self.show_error(t("paste.too_long", limit=message.limit))

    def show_hint(self, message: str | None) -> None:
        hint = self.query_one(f"#{self.input_id}-hint", Static)
        hint.update(_escape(message or ""))
        hint.display = bool(message)
        self.hint_said = message

    @property
    def error_text(self) -> str:
        return str(self.query_one(f"#{self.input_id}-error", Static).render())


def _escape(text: str) -> str:
    from dvc_tui.markup import escape

    return escape(text)

"""Pick a plugged-in USB ký số (`#token-list`): every token in the data dir with its holder,
identifier, issuer, valid-until date and status. The ones that cannot be used (expired, revoked,
issued by another CA, locked, damaged, or made out to another kind of holder than the one
registering) are listed dimmed with their reason and cannot be chosen. The list is read in a
thread worker; ↑/↓ move between the usable tokens, Enter (or a click) posts `Chosen`."""

from __future__ import annotations

import shlex

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from dvc_tui.core.accounts import Subject
from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.core.tokens import PIN_TRIES, TokenInfo
from dvc_tui.markup import escape
from dvc_tui.textual_compat import DropMessagesFromGone


def kind_mismatch(info: TokenInfo, subject: Subject | None) -> str | None:
    """Why a valid token cannot register `subject` (a business's token for a citizen...)."""
    if subject is None or info.holder is None or info.holder.kind is subject:
        return None
    return t("usb.kind_mismatch", kind=t(f"usb.kind.{info.holder.kind.value}"), subject=t(f"usb.kind.{subject.value}"))


def refusal(info: TokenInfo, subject: Subject | None = None) -> str | None:
    """Why the token cannot be chosen, as a sentence; None when it can."""
    if info.problem is not None:
        return problem_text(info.problem)
    return kind_mismatch(info, subject)


def identifier_text(info: TokenInfo) -> str:
    holder = info.holder
    return f"{t(holder.id_label_key)} {holder.identifier}" if holder else info.serial


class TokenPicker(DropMessagesFromGone, Vertical):
    """The plugged-in tokens; `subject` (registration) makes the other kinds unusable."""

    class Chosen(Message):
        """Enter or a click on a usable token."""

        def __init__(self, picker: "TokenPicker", info: TokenInfo) -> None:
            super().__init__()
            self.picker = picker
            self.info = info

        @property
        def control(self) -> "TokenPicker":
            return self.picker

    class Changed(Message):
        """The highlighted (usable) token changed: another one, or none."""

        def __init__(self, picker: "TokenPicker", info: TokenInfo | None) -> None:
            super().__init__()
            self.picker = picker
            self.info = info

        @property
        def control(self) -> "TokenPicker":
            return self.picker

    def __init__(self, services, *, subject: Subject | None = None, selected: str = "") -> None:
        super().__init__(id="token-picker")
        self.services = services
        self.subject = subject
        self.selected = selected  # the serial to highlight once the list is read
        self.infos: dict[str, TokenInfo] = {}
        self.loaded = False
        self._chosen_serial: str | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(id="token-list")
        yield Static("", id="token-note")
        yield Static("", id="token-chosen")
        yield Button(t("usb.list.refresh"), id="token-refresh", compact=True)

    def on_mount(self) -> None:
        self.query_one("#token-chosen").display = False
        self.query_one("#token-note").display = False

    # -- reading the tokens ----------------------------------------------------------------
    def reload(self) -> None:
        """Read the plugged-in tokens again (in a thread), keeping the highlighted one."""
        if self._chosen_serial:
            self.selected = self._chosen_serial
        if not self.loaded:
            self._note(t("usb.list.loading"), error=False)
        tokens = self.services.tokens
        config = self.services.config

        def load() -> None:
            worker = get_current_worker()
            try:
                infos, error = tokens.plugged_in(), None
            except PortalError as exc:
                infos, error = [], problem_text(exc.problem)
            except OSError as exc:  # the data dir cannot be read: one line, no traceback
                infos, error = [], t("error.unexpected", detail=f"{type(exc).__name__}: {exc}")
            command = "dvc-tui"
            if not infos and error is None:
                from dvc_tui.config import default_data_dir

                if config.data_dir != default_data_dir():
                    command = f"dvc-tui --data-dir {shlex.quote(str(config.data_dir))}"
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show, infos, error, command)

        self.run_worker(load, thread=True, exclusive=True, group="blocking", exit_on_error=False)

    def _show(self, infos: list[TokenInfo], error: str | None, command: str) -> None:
        if not self.is_attached:
            return
        self.loaded = True
        # The usable ones first (each group by the holder's name, as listed).
        infos = sorted(infos, key=lambda info: refusal(info, self.subject) is not None)
        self.infos = {info.serial: info for info in infos}
        option_list = self.query_one("#token-list", OptionList)
        had_focus = option_list.has_focus
        option_list.clear_options()
        options: list[Option | None] = []
        for info in infos:
            if options:
                options.append(None)  # a separator line between two tokens
            reason = refusal(info, self.subject)
            options.append(Option(self._prompt(info, reason), id=info.serial, disabled=reason is not None))
        option_list.add_options(options)
        option_list.display = bool(infos)
        if error is not None:
            self._note(error, error=True)
        elif not infos:
            self._note(t("usb.list.none", command=command), error=True)
        elif not any(refusal(info, self.subject) is None for info in infos):
            self._note(t("usb.list.none_usable"), error=True)
        else:
            self._note(None)
        self._highlight(self.selected)
        if had_focus and not infos:
            self.query_one("#token-refresh").focus()

    def _highlight(self, serial: str | None) -> None:
        option_list = self.query_one("#token-list", OptionList)
        usable = [index for index, option in enumerate(option_list.options) if not option.disabled]
        index = next((i for i in usable if option_list.options[i].id == serial), usable[0] if usable else None)
        option_list.highlighted = index
        self._set_chosen(option_list.options[index].id if index is not None else None)

    def _note(self, text: str | None, *, error: bool = False) -> None:
        note = self.query_one("#token-note", Static)
        note.update(escape(text or ""))
        note.display = bool(text)
        note.set_class(error, "error")

    def _prompt(self, info: TokenInfo, reason: str | None) -> str:
        holder = info.holder
        name = escape(holder.name) if holder else t("usb.list.no_holder")
        status = t(info.status.text_key)
        if info.failed_pins and not info.locked:
            status += " · " + t("token.failed_pins", count=info.failed_pins, limit=PIN_TRIES)
        until = info.not_after.astimezone(VN_TZ).strftime("%d/%m/%Y") if info.not_after else "?"
        lines = [
            f"[b]{name}[/b]",
            f"{escape(identifier_text(info))} · {escape(status)}",
            f"{escape(info.issuer)} · {t('usb.list.until', date=until)}",
        ]
        if reason:
            lines.append(f"[i]✘ {escape(reason)}[/i]")
        return "\n".join(lines)

    # -- choosing --------------------------------------------------------------------------
    @property
    def chosen(self) -> TokenInfo | None:
        """The highlighted token, when it can be used."""
        return self.infos.get(self._chosen_serial) if self._chosen_serial else None

    def _set_chosen(self, serial: str | None) -> None:
        if serial != self._chosen_serial:
            self._chosen_serial = serial
            self.post_message(self.Changed(self, self.chosen))
        chosen = self.chosen
        line = self.query_one("#token-chosen", Static)
        line.display = chosen is not None
        if chosen is not None:
            name = chosen.holder.name if chosen.holder else chosen.serial
            line.update(escape(t("usb.list.chosen", name=name, identifier=identifier_text(chosen))))

    @on(OptionList.OptionHighlighted, "#token-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._set_chosen(event.option.id)

    @on(OptionList.OptionSelected, "#token-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._set_chosen(event.option.id)
        if self.chosen is not None:
            self.post_message(self.Chosen(self, self.chosen))

    @on(Button.Pressed, "#token-refresh")
    def _refresh(self, event: Button.Pressed) -> None:
        event.stop()
        self.reload()

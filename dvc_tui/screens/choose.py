"""Chọn phương thức đăng ký: the subject (zone 3) on one screen, the method (zone 4) on the next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from dvc_tui.core.accounts import Method, Subject
from dvc_tui.core.flow import METHODS_BY_LEVEL, availability
from dvc_tui.core.text import t
from dvc_tui.screens.base import PortalScreen


class ChooseSubjectScreen(PortalScreen):
    STEP = (2, 5)
    ZONES = {"subjects": 3}

    def __init__(self, current: Subject | None = None) -> None:
        super().__init__(id="choose-subject")
        self.current = current

    def compose_body(self) -> ComposeResult:
        yield Static(t("subject.title"), classes="title")
        yield Static(t("subject.prompt"), classes="subtitle")
        yield Static(t("subject.heading"), classes="group-title")
        with Horizontal(id="subjects", classes="choices"):
            for subject in Subject:
                yield Button(t(f"subject.{subject.value}"), id=f"subject-{subject.value}")

    def on_mount(self) -> None:
        self.query_one(f"#subject-{(self.current or Subject.CITIZEN).value}").focus()

    @on(Button.Pressed, ".choices Button")
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(Subject(event.button.id.removeprefix("subject-")))


class ChooseMethodScreen(PortalScreen):
    STEP = (2, 5)
    ZONES = {"methods": 4}

    def __init__(self, subject: Subject) -> None:
        super().__init__(id="choose-method")
        self.subject = subject

    def compose_body(self) -> ComposeResult:
        yield Static(t("method.title"), classes="title")
        yield Static(t("method.for_subject", subject=t(f"subject.{self.subject.value}")), classes="subtitle")
        with Vertical(id="methods"):
            for level, methods in METHODS_BY_LEVEL.items():
                yield Static(t(f"level.ial{int(level)}"), classes="group-title")
                with Vertical(classes="method-group"):
                    for method in methods:
                        state = availability(self.subject, method)
                        with Horizontal(classes="method-row"):
                            yield Button(
                                t(f"method.{method.value}"),
                                id=f"method-{method.value}",
                                disabled=not state.enabled,
                            )
                            yield Static(
                                t(state.reason) if state.reason else "",
                                id=f"method-{method.value}-note",
                                classes="method-note" if state.reason else "method-note -empty",
                            )

    def on_mount(self) -> None:
        first = next((b for b in self.query("#methods Button") if not b.disabled), None)
        if first is not None:
            first.focus()

    @on(Button.Pressed, "#methods Button")
    def _chosen(self, event: Button.Pressed) -> None:
        method = Method(event.button.id.removeprefix("method-"))
        if availability(self.subject, method).enabled:
            self.dismiss(method)

"""Đăng ký – Bưu điện Việt Nam (Chỉ dành cho công dân): the post-office counter's staff screen.

The trainee plays the counter staff: ticks the papers checked in person (the checklist), types
the citizen's details as on the card, and presses ĐĂNG KÝ; the citizen then receives an
activation SMS and types the code and the password on the generic screens that follow.

No captcha: the counter software is used by signed-in staff, not by the public
(RegistrationFormScreen.CAPTCHA = False; Enter in the last field submits).
"""

from __future__ import annotations


from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Static

from dvc_tui.core.accounts import AccountExists, PostRegistration
from dvc_tui.core.post import PAPERS, PapersMissing, missing_papers
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.screens.base import Busy, problem
from dvc_tui.screens.form import CitizenDetails, RegistrationFormScreen
from dvc_tui.widgets.field import FormField

FIELDS = ("cccd", "full-name", "dob", "phone", "email")


class RegisterPostScreen(CitizenDetails, RegistrationFormScreen):
    STEP = (3, 5)
    ZONES = {"form": 6, "submit": 7}
    FIELDS = FIELDS
    OPTIONAL = frozenset({"email"})
    CAPTCHA = False

    def __init__(self, draft, services) -> None:
        super().__init__(draft, services, id="register-post")

    def typed_values(self):
        return self.draft.post_form

    def compose_body(self) -> ComposeResult:
        form = self.draft.post_form
        yield Static(t("subject.title"), classes="title")
        yield Static(t("post.subtitle"), classes="subtitle")
        yield Static(t("post.staff"), id="staff-mode")
        yield Static(t("post.staff.intro"), id="post-intro", classes="hint")
        with Vertical(id="form"):
            yield Static(t("post.papers.title"), classes="group-title")
            with Vertical(id="papers"):
                for paper in PAPERS:
                    yield Checkbox(t(f"post.paper.{paper}"), paper in form.papers, id=f"paper-{paper}", compact=True)
            yield Static("", id="papers-message", classes="message")
            yield Static(t("post.details.title"), classes="group-title")
            yield FormField("cccd", "field.cccd", placeholder_key="field.cccd.ph", value=form.cccd)
            yield FormField("full-name", "field.full_name", placeholder_key="field.full_name.ph", value=form.full_name)
            yield FormField("dob", "field.dob", placeholder_key="field.dob.ph", value=form.dob)
            yield FormField("phone", "field.phone", placeholder_key="field.phone.ph", value=form.phone)
            yield FormField("email", "field.email", required=False, placeholder_key="field.email.ph", value=form.email)
        yield Static(t("post.note"), id="note-own")
        yield Static("", id="form-message", classes="message")
        yield Busy()
        yield Button(t("form.submit"), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        if self.draft.post_form.phone:
            self._check_field("phone", quiet=True)
        self.query_one(f"#paper-{PAPERS[0]}").focus()

    # -- the checklist ---------------------------------------------------------------------
    def ticked(self) -> tuple[str, ...]:
        return tuple(paper for paper in PAPERS if self.query_one(f"#paper-{paper}", Checkbox).value)

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        paper = (event.checkbox.id or "").removeprefix("paper-")
        papers = self.draft.post_form.papers
        if event.value:
            papers.add(paper)
        else:
            papers.discard(paper)
        if self.query_one("#papers-message", Static).has_class("-shown"):
            missing = missing_papers(self.ticked())  # the messages follow the ticks, then go
            self.say("papers-message", problem(PapersMissing(missing)) if missing else None)
            self._summarise(missing)

    def _papers_missing(self, missing: tuple[str, ...]) -> None:
        self.say("papers-message", problem(PapersMissing(missing)))
        self._summarise(missing)
        self.query_one(f"#paper-{missing[0]}", Checkbox).focus()

    def _summarise(self, missing: tuple[str, ...]) -> None:
        """The message by ĐĂNG KÝ: the papers not checked, and whether a field shows an error."""
        lines = [problem(PapersMissing(missing))] if missing else []
        if any(field.has_class("-invalid") for field in self.query(FormField)):
            lines.append(t("form.fix"))
        self.say("form-message", "\n".join(lines) or None)

    # -- submitting ------------------------------------------------------------------------
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        values = self.check_all()  # every field's message; focus on the first bad field
        missing = missing_papers(self.ticked())
        if missing:
            self._papers_missing(missing)  # the checklist comes first on the screen
            return
        self.say("papers-message", None)
        if values is None:
            return
        registration = PostRegistration(
            id_number=values["cccd"],
            full_name=values["full-name"],
            dob=values["dob"],
            phone=values["phone"],
            email=values["email"],
            papers=self.ticked(),
        )
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.start_post_registration(registration),
            lambda issued: self._registered(registration, issued),
            self._refused,
            t("form.checking"),
        )

    def _registered(self, registration: PostRegistration, issued) -> None:
        self.draft.registration = registration
        self.dismiss((registration, issued))

    def _refused(self, error: PortalError) -> None:
        if isinstance(error, AccountExists):
            self.show_under("cccd", problem(error), t("account.exists.ways"))
        elif isinstance(error, PapersMissing):
            self._papers_missing(error.missing)
        elif error.key.startswith("phone."):
            self.show_under("phone", problem(error))
        else:
            self.say("form-message", problem_text(error.problem))

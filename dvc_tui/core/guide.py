"""Training mode's guide: which instruction each screen shows, and the rule behind a mistake.

Pure data and lookups (no textual): the screens ask `guide_keys(screen_key)` for the catalog
keys of the instruction and of what to do next, and `hint_key(problem_key)` for the rule to
show when a field error or a refusal appears in training mode.
"""

from __future__ import annotations

# The guide's screens: a screen's id, or a more precise name a screen gives itself
# (the code screen by purpose, the login screen by tab). Each has "guide.<name>" (what this
# screen is, in the leaflet's words) and "guide.<name>.next" (what to do now and next).
GUIDED = (
    "home",
    "choose-subject",
    "choose-method",
    "register-mobile",
    "register-bhxh",
    "register-post",
    "register-usb",
    "register-sim",
    "otp-register",
    "otp-login",
    "otp-reset",
    "set-password",
    "registered",
    "login",
    "login-usb",
    "login-sim",
    "forgot-password",
    "reset-password",
    "profile",
    "totp-enrol",
    "totp-login",
)

# A problem key's prefix -> the hint of the rule behind it; the longest prefix wins.
HINTS: dict[str, str] = {
    "id.": "guide.hint.id",
    "name.": "guide.hint.name",
    "org_name.": "guide.hint.org_name",
    "dob.": "guide.hint.dob",
    "phone.not_owner": "guide.hint.phone_owner",
    "phone.": "guide.hint.phone",
    "email.": "guide.hint.email",
    "captcha.": "guide.hint.captcha",
    "account.exists": "guide.hint.exists",
    "otp.": "guide.hint.otp",
    "register.code_needed": "guide.hint.otp",
    "reset.code_needed": "guide.hint.otp",
    "password.": "guide.hint.password",
    "password.personal": "guide.hint.password_personal",
    "password.common": "guide.hint.password_strong",
    "password.guessable": "guide.hint.password_strong",
    "reset.same_as_old": "guide.hint.password",
    "login.": "guide.hint.login",
    "login.locked": "guide.hint.login_locked",
    "bhxh.": "guide.hint.bhxh",
    "mst.": "guide.hint.mst",
    "agency.": "guide.hint.agency",
    "token.": "guide.hint.token",
    "usb.": "guide.hint.token",
    "sim.": "guide.hint.sim",
    "totp.": "guide.hint.totp",
    "post.": "guide.hint.post",
}


def guide_keys(screen_key: str | None) -> tuple[str, str] | None:
    """The catalog keys (instruction, next) for a screen, or None for a screen not guided."""
    if screen_key not in GUIDED:
        return None
    return f"guide.{screen_key}", f"guide.{screen_key}.next"


def hint_key(problem_key: str | None) -> str | None:
    """The hint of the rule behind a problem (by the longest matching prefix), or None."""
    if not problem_key:
        return None
    best = None
    for prefix, key in HINTS.items():
        if problem_key.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, key)
    return best[1] if best else None

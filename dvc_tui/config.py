"""Config: where the data lives, the language, the hashing cost; from flags and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "dvc-tui"
ENV_DATA_DIR = "DVC_TUI_DATA_DIR"
ENV_LANG = "DVC_TUI_LANG"
ENV_HASH_COST = "DVC_TUI_HASH_COST"
ENV_NO_KEYRING = "DVC_TUI_NO_KEYRING"
ENV_TRAINING = "DVC_TUI_TRAINING"
ENV_KIOSK = "DVC_TUI_KIOSK"
ENV_IDLE = "DVC_TUI_IDLE"


class ConfigError(ValueError):
    """A setting given in the environment cannot be used (the CLI says so in one line)."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Config:
    data_dir: Path
    language: str = "vi"
    hash_cost: str = "production"
    use_keyring: bool = True
    training: bool = False  # training mode: zone badges and the guide panel (F7 toggles)
    kiosk: bool = False  # kiosk mode: idle wipe, trainer PIN to quit (dvc_tui/kiosk_mode.py)
    idle_seconds: int = 120

    @property
    def db_path(self) -> Path:
        from dvc_tui.store.sqlite import DB_NAME

        return self.data_dir / DB_NAME

    @classmethod
    def load(
        cls,
        data_dir: str | os.PathLike | None = None,
        language: str | None = None,
        hash_cost: str | None = None,
        use_keyring: bool | None = None,
        kiosk: bool | None = None,
        idle_seconds: int | None = None,
        training: bool | None = None,
    ) -> "Config":
        """Flags first, then the environment, then the defaults."""
        env = os.environ
        chosen_dir = data_dir or env.get(ENV_DATA_DIR) or default_data_dir()
        keyring_off = env.get(ENV_NO_KEYRING, "").lower() in ("1", "true", "yes")
        return cls(
            data_dir=Path(chosen_dir).expanduser(),
            language=language or env.get(ENV_LANG) or "vi",
            hash_cost=_hash_cost(hash_cost or env.get(ENV_HASH_COST) or "production", from_env=not hash_cost),
            use_keyring=use_keyring if use_keyring is not None else not keyring_off,
            training=training if training is not None else env.get(ENV_TRAINING, "").lower() in ("1", "true", "yes"),
            kiosk=kiosk if kiosk is not None else env.get(ENV_KIOSK, "").lower() in ("1", "true", "yes"),
            idle_seconds=idle_seconds if idle_seconds is not None else _idle_from_env(env),
        )


def check_hash_cost(text: str) -> str:
    """A named Argon2id cost or one spelled out (t=..,m=..,p=..), normalised; ConfigError with
    the catalog's message otherwise. Checked at start, so a typo is one line, not a failure at
    the first password (the --hash-cost flag and DVC_TUI_HASH_COST both)."""
    from dvc_tui.core.passwords import HashCost
    from dvc_tui.core.text import t

    try:
        HashCost.named(text)
    except ValueError:
        raise ConfigError(t("cli.hash_cost_invalid", given=text)) from None
    return text.strip().lower()


def _hash_cost(text: str, *, from_env: bool) -> str:
    try:
        return check_hash_cost(text)
    except ConfigError as exc:
        raise ConfigError(f"{ENV_HASH_COST}: {exc}" if from_env else str(exc)) from None


def _idle_from_env(env) -> int:
    from dvc_tui.core.kiosk import DEFAULT_IDLE_SECONDS, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, parse_idle_seconds
    from dvc_tui.core.text import t

    text = env.get(ENV_IDLE)
    if not text:
        return DEFAULT_IDLE_SECONDS
    try:
        return parse_idle_seconds(text)
    except ValueError:
        raise ConfigError(f"{ENV_IDLE}: " + t("cli.kiosk.idle_invalid", min=MIN_IDLE_SECONDS, max=MAX_IDLE_SECONDS)) from None

"""The one place that builds the store, hasher, codes, SMS gateway, clock and secrets.

Everything is built on first use, behind a lock (workers ask from threads): nothing touches
the data dir, the database or the keyring until the app or a command asks for it.
"""

from __future__ import annotations

import random
import threading
from typing import Any, Callable

from dvc_tui.config import Config
from dvc_tui.core.clock import Clock, SystemClock


class Services:
    def __init__(
        self,
        config: Config,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        keyring_backend: Any = None,
    ) -> None:
        self.config = config
        self.clock: Clock = clock or SystemClock()
        self.rng: random.Random = rng or random.SystemRandom()
        # A new install key comes from `secrets`, or in tests from a generator seeded by `rng`.
        self._key_rng = None if rng is None else random.Random(rng.getrandbits(64))
        self._keyring_backend = keyring_backend
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}
        self.sms_listeners: list[Callable[[Any], None]] = []
        """Called with every message sent, from whichever thread sent it."""
        self.sim_listeners: list[Callable[[Any], None]] = []
        """Called with every SIM ký số signing request made or changed (core.sim.SigningRequest),
        from whichever thread did it."""

    def _get(self, name: str, build: Callable[[], Any]) -> Any:
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return self._built[name]

    @property
    def store(self):
        def build():
            from dvc_tui.store.data_dir import tighten
            from dvc_tui.store.sqlite import SqliteStore

            tighten(self.config.data_dir)  # a folder made beforehand is made private too
            return SqliteStore(self.config.db_path)

        return self._get("store", build)

    @property
    def secret(self):
        def build():
            from dvc_tui.store.data_dir import tighten
            from dvc_tui.store.secrets import load_install_secret

            tighten(self.config.data_dir)
            return load_install_secret(
                self.config.data_dir,
                use_keyring=self.config.use_keyring,
                backend=self._keyring_backend,
                rng=self._key_rng,
                key_file=self.config.key_file,
            )

        return self._get("secret", build)

    @property
    def sms(self):
        def build():
            from dvc_tui.core.sms import SmsGateway

            gateway = SmsGateway(self.store, self.clock)
            for listener in self.sms_listeners:
                gateway.subscribe(listener)
            return gateway

        return self._get("sms", build)

    @property
    def codes(self):
        def build():
            from dvc_tui.core.otp import OneTimeCodes, derive_otp_secret

            return OneTimeCodes(self.store, self.clock, derive_otp_secret(self.secret.key), self.sms)

        return self._get("codes", build)

    @property
    def hasher(self):
        def build():
            from dvc_tui.core.passwords import HashCost, PasswordHasher

            return PasswordHasher(HashCost.named(self.config.hash_cost))

        return self._get("hasher", build)

    @property
    def accounts(self):
        def build():
            from dvc_tui.core.accounts import Accounts

            return Accounts(self.store, self.clock, self.hasher, self.codes, stand_in_key=self.secret.key)

        return self._get("accounts", build)

    @property
    def authenticators(self):
        """Authenticator apps (TOTP): secrets from `rng`, sealed under the install's key."""

        def build():
            from dvc_tui.core.totp import Authenticators
            from dvc_tui.store.sealing import SecretSealer

            return Authenticators(self.store, self.clock, self.rng, SecretSealer(self.secret.key))

        return self._get("authenticators", build)

    @property
    def tokens(self):
        """USB signing tokens: files under the data dir; the CA key's passphrase is derived from
        the install's key, asked for only when a certificate is issued or revoked."""

        def build():
            from dvc_tui.core.tokens import Tokens
            from dvc_tui.store.tokens import FileTokenStore

            def ca_passphrase() -> bytes:
                from dvc_tui.core.pki import derive_ca_passphrase

                return derive_ca_passphrase(self.secret.key)

            return Tokens(FileTokenStore(self.config.data_dir), self.clock, ca_passphrase=ca_passphrase, rng=self.rng)

        return self._get("tokens", build)

    @property
    def sims(self):
        """SIM ký số: the signing SIMs and their requests, in the store; certificates from the
        tokens' CA. The training SIMs are made by the first request (in its worker thread)."""

        def build():
            from dvc_tui.core.sim import Sims

            sims = Sims(self.store, self.clock, self.tokens, rng=self.rng)
            for listener in self.sim_listeners:
                sims.subscribe(listener)
            return sims

        return self._get("sims", build)

    @property
    def trainer_pin(self):
        """Kiosk mode: the trainer PIN's check (its hash in the keyring or a 0600 file, read on
        every try), with the wrong-PIN count and waits (core.kiosk), counted in the store."""

        def build():
            from dvc_tui.core.kiosk import TrainerPin

            def load_hash() -> str | None:
                stored = self.stored_trainer_pin()
                return stored.phc if stored else None

            return TrainerPin(load_hash, self.hasher, self.clock, failures=self.store)

        return self._get("trainer_pin", build)

    def stored_trainer_pin(self):
        """The trainer PIN's stored hash (store.kiosk_pin.StoredPin), or None when none is set."""
        from dvc_tui.store.kiosk_pin import load_pin_hash

        return load_pin_hash(self.config.data_dir, use_keyring=self.config.use_keyring, backend=self._keyring_backend)

    def save_trainer_pin(self, pin: str):
        """Hash a new trainer PIN (checked first: PortalError) and keep the hash."""
        from dvc_tui.core.kiosk import hash_trainer_pin
        from dvc_tui.store.kiosk_pin import save_pin_hash

        phc = hash_trainer_pin(pin, self.hasher)
        return save_pin_hash(self.config.data_dir, phc, use_keyring=self.config.use_keyring,
                             backend=self._keyring_backend)

    # -- trainer report -------------------------------------------------------------------------
    @property
    def events(self):
        """The trainer's event log (core.events.TrainerLog): events.jsonl in the data dir,
        written by its own thread; a session id from `rng` (a seeded one is forked, so the
        captcha and codes tests expect do not change)."""

        def build():
            from dvc_tui.core.events import TrainerLog
            from dvc_tui.core.text import language
            from dvc_tui.store.events import EventWriter

            source = self.rng
            if not isinstance(source, random.SystemRandom):
                source = random.Random()
                source.setstate(self.rng.getstate())
                source.getrandbits(64)
            session = f"{source.getrandbits(64):016x}"
            return TrainerLog(EventWriter(self.config.data_dir), self.clock, session, language())

        # Not behind self._lock: the event loop asks for it, and must not wait while a worker
        # holds the lock building the store or the keyring secret. Cheap; no I/O until written.
        built = self._built.get("events")
        return built if built is not None else self._built.setdefault("events", build())

    # -- end trainer report ---------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            store = self._built.get("store")
            if store is not None:
                store.close()
            events = self._built.get("events")
            if events is not None:
                events.sink.close()

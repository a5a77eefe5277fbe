"""The simulated SMS gateway: every message lands in the store, nothing is sent anywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from dvc_tui.core import text
from dvc_tui.core.clock import Clock

SENDER = "DVCQG"


@dataclass(frozen=True)
class SmsMessage:
    id: int
    phone: str  # E.164
    sender: str
    body: str
    sent_at: datetime


class SmsGateway:
    sender = SENDER

    def __init__(self, store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._listeners: list[Callable[[SmsMessage], None]] = []

    def subscribe(self, listener: Callable[[SmsMessage], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[SmsMessage], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def send(self, phone: str, body: str) -> SmsMessage:
        message = self._store.insert_sms(phone, SENDER, body, self._clock.now())
        self.announce(message)
        return message

    def announce(self, message: SmsMessage) -> None:
        """Tell the listeners of a message now in the store (a code's is written with the code:
        core.otp, store.issue_code_with_sms)."""
        for listener in list(self._listeners):
            listener(message)

    def code_text(self, purpose, code: str, *, key: str | None = None) -> str:
        """A code's SMS: the purpose's text, or the catalog text `key` (same placeholders)."""
        return text.t(key or f"sms.otp.{purpose.value}", code=code, minutes=5)

    def send_code(self, phone: str, purpose, code: str, *, key: str | None = None) -> SmsMessage:
        return self.send(phone, self.code_text(purpose, code, key=key))

    def inbox(self, phone: str | None = None, limit: int = 50) -> list[SmsMessage]:
        """The newest messages first."""
        return self._store.recent_sms(limit=limit, phone=phone)

"""The account store: SQLite in the data dir, schema migrations by PRAGMA user_version, WAL.

One connection per thread (workers run in threads); every write is one `BEGIN IMMEDIATE`
transaction; readers never block writers (WAL); a busy database is waited for (busy_timeout),
never reported to the user as "locked".
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from dvc_tui.store.errors import StoreError, reason

if TYPE_CHECKING:  # the domain types: imported by the methods that make them, not at start-up
    from dvc_tui.core.accounts import Account
    from dvc_tui.core.bhxh import InsuredPerson
    from dvc_tui.core.carrier import Subscriber
    from dvc_tui.core.lockout import LoginFailures
    from dvc_tui.core.otp import IssuedCode
    from dvc_tui.core.sim import SigningRequest, StoredSim
    from dvc_tui.core.sms import SmsMessage
    from dvc_tui.core.totp import AuthenticatorRecord

__all__ = ["DB_NAME", "MIGRATIONS", "SCHEMA_VERSION", "SqliteStore", "StoreError"]

DB_NAME = "dvc-tui.sqlite3"
BUSY_TIMEOUT_MS = 10_000
FULL_CHECK_BYTES = 8 * 1024 * 1024
"""Databases up to this size get PRAGMA integrity_check at start, before the store is used
(about 11 ms a MiB on this project's machine: under 0.1 s). Larger ones get quick_check (about
1.7 ms a MiB: 1.5 s for the 890 MiB of benchmarks/scale.py's million accounts;
benchmarks/integrity.py) in a thread of its own while the app draws: every write waits for it
(`_Verification`), so nothing is written into a damaged file either way."""


class _Verification:
    """A quick_check of a big database running beside the first use: reads go on, writes
    (`transaction`, migrations) wait for its verdict. One per file and process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done = threading.Event()
        self.damaged = False
        self.error: StoreError | None = None
        self._lock = threading.Lock()
        self._listeners: list[Callable[[StoreError | None], None]] = []
        threading.Thread(target=self._run, name="dvc-tui-quick-check", daemon=True).start()

    def _run(self) -> None:
        try:
            probe = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                probe.execute("PRAGMA cache_size = -256")  # it reads every page once: no cache to keep
                self.damaged = probe.execute("PRAGMA quick_check(1)").fetchall() != [("ok",)]
            finally:
                probe.close()
        except sqlite3.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorcode", None)
            self.damaged = code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
            if not self.damaged:
                self.error = StoreError(key="store.open", path=str(self.path), reason=reason(exc))
        finally:
            with self._lock:
                self.done.set()
                listeners, self._listeners = self._listeners, []
            for listener in listeners:
                listener(self.verdict())

    def verdict(self) -> StoreError | None:
        if self.damaged:
            return StoreError(key="store.not_database", path=str(self.path))
        return self.error

    def wait(self) -> None:
        self.done.wait()
        problem = self.verdict()
        if problem is not None:
            raise problem

    def then(self, listener: Callable[[StoreError | None], None]) -> None:
        with self._lock:
            if not self.done.is_set():
                self._listeners.append(listener)
                return
        listener(self.verdict())


_VERIFYING: dict[str, _Verification] = {}
_VERIFYING_LOCK = threading.Lock()



_IN_USE: set[str] = set()
"""Database files this process has opened. Their header is not read again with a plain file
handle: closing any handle to a file drops every POSIX lock this process holds on it, SQLite's
included, and another process that then finds the database unlocked takes itself for the last
user, checkpoints and deletes the WAL under our open connections (which go on reading a stale
snapshot). Seen with a second SqliteStore on the same file in one process (tests, the CLI)."""


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript() would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migration_1(db: sqlite3.Connection) -> None:
    from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS

    _run_script(
        db,
        """
        CREATE TABLE accounts (
            username      TEXT PRIMARY KEY,
            full_name     TEXT NOT NULL,
            dob           TEXT,
            phone         TEXT NOT NULL,
            email         TEXT,
            subject       TEXT NOT NULL,
            method        TEXT NOT NULL,
            level         INTEGER NOT NULL,
            created_at    TEXT NOT NULL,
            password_hash TEXT
        );
        CREATE TABLE otp_codes (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            purpose    TEXT NOT NULL,
            subject    TEXT NOT NULL,
            phone      TEXT NOT NULL,
            issued_at  TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            attempts   INTEGER NOT NULL DEFAULT 0,
            status     TEXT NOT NULL,
            used_at    TEXT
        );
        CREATE INDEX otp_by_subject ON otp_codes (purpose, subject, id);
        CREATE INDEX otp_by_phone ON otp_codes (phone, issued_at);
        CREATE TABLE sms (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            phone   TEXT NOT NULL,
            sender  TEXT NOT NULL,
            body    TEXT NOT NULL,
            sent_at TEXT NOT NULL
        );
        CREATE INDEX sms_by_phone ON sms (phone, id);
        CREATE TABLE carrier_subscribers (
            phone     TEXT PRIMARY KEY,
            id_number TEXT NOT NULL,
            full_name TEXT NOT NULL
        );
        """
    )
    db.executemany(
        "INSERT INTO carrier_subscribers (phone, id_number, full_name) VALUES (?, ?, ?)",
        [(s.phone, s.id_number, s.full_name) for s in TRAINING_SUBSCRIBERS],
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """Authenticator apps (TOTP): one row per account. The secrets arrive sealed (AES-GCM under
    a key derived from the install's key, store/sealing.py); this table never sees them in clear."""
    _run_script(
        db,
        """
        CREATE TABLE authenticators (
            username        TEXT PRIMARY KEY REFERENCES accounts (username) ON DELETE CASCADE,
            secret          BLOB,
            confirmed_at    TEXT,
            last_step       INTEGER,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until    TEXT,
            pending_secret  BLOB,
            pending_since   TEXT
        );
        """
    )


def _migration_3(db: sqlite3.Connection) -> None:
    """The simulated social-insurance registry, seeded with the practice people (core/bhxh.py)."""
    from dvc_tui.core.bhxh import PRACTICE_INSURED

    _run_script(
        db,
        """
        CREATE TABLE bhxh_registry (
            bhxh_number TEXT PRIMARY KEY,
            id_number   TEXT NOT NULL,
            full_name   TEXT NOT NULL,
            dob         TEXT NOT NULL,
            phone       TEXT NOT NULL
        );
        """
    )
    db.executemany(
        "INSERT INTO bhxh_registry (bhxh_number, id_number, full_name, dob, phone) VALUES (?, ?, ?, ?, ?)",
        [(p.bhxh_number, p.id_number, p.full_name, p.dob.isoformat(), p.phone) for p in PRACTICE_INSURED],
    )


def _migration_4(db: sqlite3.Connection) -> None:
    """Businesses' legal representative (accounts by USB or SIM ký số); NULL for the others."""
    _run_script(db, "ALTER TABLE accounts ADD COLUMN representative TEXT;")


def _migration_5(db: sqlite3.Connection) -> None:
    """SIM ký số: the signing SIMs (certificate, key encrypted under the SIM PIN, wrong-PIN count)
    and the signing requests sent to them, here so another process (a phone) can answer them."""
    _run_script(
        db,
        """
        CREATE TABLE sims (
            phone       TEXT PRIMARY KEY,
            cert_pem    BLOB NOT NULL,
            key_pem     BLOB NOT NULL,
            failed_pins INTEGER NOT NULL DEFAULT 0,
            locked      INTEGER NOT NULL DEFAULT 0,
            training    TEXT UNIQUE,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE sim_requests (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            phone      TEXT NOT NULL,
            purpose    TEXT NOT NULL,
            username   TEXT NOT NULL,
            challenge  BLOB NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            status     TEXT NOT NULL,
            signature  BLOB,
            decided_at TEXT
        );
        CREATE INDEX sim_requests_by_phone ON sim_requests (phone, id);
        """
    )


def _migration_6(db: sqlite3.Connection) -> None:
    """Brute-force lock of password login (core/lockout.py): one row per typed login name,
    with or without an account (so a name without one is answered the same)."""
    _run_script(
        db,
        """
        CREATE TABLE login_failures (
            username     TEXT PRIMARY KEY,
            failures     INTEGER NOT NULL DEFAULT 0,
            lock_count   INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            last_failure TEXT
        );
        CREATE INDEX login_failures_by_time ON login_failures (last_failure);
        """
    )


def _migration_7(db: sqlite3.Connection) -> None:
    """`accounts list` walks the accounts oldest first: with this index SQLite streams them in
    that order from the first row, instead of sorting the whole table before the first line
    (seconds and a temporary B-tree at a million accounts; benchmarks/scale.py)."""
    db.execute("CREATE INDEX accounts_by_created ON accounts (created_at, username)")


def _migration_8(db: sqlite3.Connection) -> None:
    """The authenticator app's lock grows as the password's does (core/totp.py, core/lockout.py):
    the locks so far in a streak of wrong codes, and when the last wrong code came."""
    _run_script(
        db,
        """
        ALTER TABLE authenticators ADD COLUMN lock_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE authenticators ADD COLUMN last_failure TEXT;
        """,
    )


MIGRATIONS = [
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5, _migration_6, _migration_7,
    _migration_8,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _rollback(db: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already: on SQLITE_FULL (and IOERR, NOMEM)
    it rolls back by itself, and a ROLLBACK then would raise "no transaction is active" in place
    of the error that says what happened."""
    if db.in_transaction:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def _ts(value: datetime) -> str:
    return value.isoformat()


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class SqliteStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._open()

    # -- connections -----------------------------------------------------------------------
    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(self.path, 0o600)
        except OSError as exc:
            raise StoreError(key="store.open", path=str(self.path), reason=reason(exc)) from None
        self._check_before_use()
        db = self._connection()
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise self._newer(version)
            if version < SCHEMA_VERSION:
                self._migrate(db, version)
        except sqlite3.DatabaseError as exc:
            raise self._unusable(exc) from None
        _IN_USE.add(os.path.realpath(self.path))

    def _check_before_use(self) -> None:
        """Refuse a file that is not a database, or is a newer one, before writing to it.

        `_connection()` switches the journal to WAL, which rewrites the header of a database in
        rollback mode, and SQLite takes a 1-byte file for an empty database; so the version is
        read on a plain connection, closed again, before anything else touches the file.
        """
        if os.path.realpath(self.path) not in _IN_USE:  # see _IN_USE: checked by the first store
            try:
                with open(self.path, "rb") as handle:
                    head = handle.read(16)
            except OSError as exc:
                raise StoreError(key="store.open", path=str(self.path), reason=reason(exc)) from None
            if head and head != b"SQLite format 3\x00":
                raise StoreError(key="store.not_database", path=str(self.path))
        try:
            probe = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                version = probe.execute("PRAGMA user_version").fetchone()[0]
                damaged = version <= SCHEMA_VERSION and not self._intact(probe)
            finally:
                probe.close()
        except sqlite3.DatabaseError as exc:
            raise self._unusable(exc) from None
        if version > SCHEMA_VERSION:
            raise self._newer(version)
        if damaged:
            raise StoreError(key="store.not_database", path=str(self.path))

    def _intact(self, probe: sqlite3.Connection) -> bool:
        """Whether SQLite finds the file whole: a page of garbage behind a good header (a disk
        error, a copy gone wrong) is refused before anything is written into it. The full
        `integrity_check` (indexes against their tables too) up to FULL_CHECK_BYTES, above that
        `quick_check` (every page and row read, the indexes' contents not compared): 1.5 s rather
        than 10 s on a store of a million accounts (benchmarks/integrity.py), run in a thread
        while the store is first used (`_Verification`: writes wait for it; `wait_intact`).
        Checked once per process and file (see _IN_USE): the CLI's check before the screen,
        not the app's open."""
        if os.path.realpath(self.path) in _IN_USE:
            return True
        try:
            size = os.path.getsize(self.path)
        except OSError:
            size = 0
        if size > FULL_CHECK_BYTES:  # beside the first use, writes held until it is done
            with _VERIFYING_LOCK:
                key = os.path.realpath(self.path)
                if key not in _VERIFYING:
                    _VERIFYING[key] = _Verification(self.path)
            return True
        return probe.execute("PRAGMA integrity_check(1)").fetchall() == [("ok",)]

    def _newer(self, version: int) -> StoreError:
        return StoreError(key="store.newer", path=str(self.path), version=version, supported=SCHEMA_VERSION)

    def _unusable(self, exc: sqlite3.Error) -> StoreError:
        """A database SQLite refuses (garbage, a damaged page) is not ours to touch; any other
        error (a data dir where the -wal file cannot be made, ...) says why."""
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return StoreError(key="store.not_database", path=str(self.path))
        return StoreError(key="store.open", path=str(self.path), reason=reason(exc))

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StoreError(key="store.no_wal", path=str(self.path), mode=mode)
                db.execute("PRAGMA synchronous = NORMAL")
                db.execute("PRAGMA foreign_keys = ON")
            except sqlite3.DatabaseError as exc:
                raise self._unusable(exc) from None
            self._local.db = db
        return db

    def wait_intact(self) -> None:
        """Wait for the check of a big file started at open (see FULL_CHECK_BYTES); raise the
        one-line StoreError if it found damage. Returns at once for a file already checked."""
        verification = _VERIFYING.get(os.path.realpath(self.path))
        if verification is not None:
            verification.wait()

    def when_checked(self, listener: Callable[[StoreError | None], None]) -> None:
        """Call `listener` with the verdict of a big file's check (None: whole) once it is in:
        at once if it is, else from the check's thread. Nothing waits for it."""
        verification = _VERIFYING.get(os.path.realpath(self.path))
        if verification is None:
            listener(None)
        else:
            verification.then(listener)

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        self.wait_intact()
        db.execute("BEGIN IMMEDIATE")
        try:
            current = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            for number in range(current, SCHEMA_VERSION):
                MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.wait_intact()  # nothing is written into a file whose check has not said "ok"
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            _rollback(db)
            raise
        else:
            try:
                db.execute("COMMIT")
            except BaseException:  # SQLITE_FULL at commit (the WAL could not grow): nothing kept
                _rollback(db)
                raise

    def schema_version(self) -> int:
        return self._connection().execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        """Close this thread's connection and let go of the others.

        Closing another thread's connection while it runs a statement crashes the interpreter
        (sqlite3 segfaults), as when the app quits while a worker still reads; a connection let
        go of closes itself once its thread's statement returns.
        """
        local, self._local = self._local, threading.local()
        db = getattr(local, "db", None)
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass

    # -- accounts --------------------------------------------------------------------------
    _ACCOUNT_COLUMNS = (
        "username, full_name, dob, phone, email, subject, method, level, created_at, password_hash, representative"
    )

    @staticmethod
    def _account(row) -> Account:
        from dvc_tui.core.accounts import Account, Level, Method, Subject

        return Account(
            username=row[0],
            full_name=row[1],
            dob=date.fromisoformat(row[2]) if row[2] else None,
            phone=row[3],
            email=row[4],
            subject=Subject(row[5]),
            method=Method(row[6]),
            level=Level(row[7]),
            created_at=datetime.fromisoformat(row[8]),
            password_hash=row[9],
            representative=row[10],
        )

    def account_exists(self, username: str) -> bool:
        row = self._connection().execute(
            "SELECT 1 FROM accounts WHERE username = ?", (username,)
        ).fetchone()
        return row is not None

    def get_account(self, username: str) -> Account | None:
        row = self._connection().execute(
            f"SELECT {self._ACCOUNT_COLUMNS} FROM accounts WHERE username = ?", (username,)
        ).fetchone()
        return self._account(row) if row else None

    def insert_account(self, account: Account) -> None:
        from dvc_tui.core.accounts import AccountExists

        try:
            with self.transaction() as db:
                db.execute(
                    f"INSERT INTO accounts ({self._ACCOUNT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        account.username,
                        account.full_name,
                        account.dob.isoformat() if account.dob else None,
                        account.phone,
                        account.email,
                        account.subject.value,
                        account.method.value,
                        int(account.level),
                        _ts(account.created_at),
                        account.password_hash,
                        account.representative,
                    ),
                )
        except sqlite3.IntegrityError:
            raise AccountExists() from None

    def set_password_hash(self, username: str, phc: str, *, spend_code: int | None = None) -> bool:
        """Replace the hash; with `spend_code`, only while that code is used and not yet spent,
        and spend it (status superseded) in the same transaction: one code, one new password.
        Returns whether the hash was replaced."""
        from dvc_tui.core.otp import CodeStatus

        with self.transaction() as db:
            if spend_code is not None:
                spent = db.execute(
                    "UPDATE otp_codes SET status = ? WHERE id = ? AND status = ?",
                    (CodeStatus.SUPERSEDED.value, spend_code, CodeStatus.USED.value),
                )
                if spent.rowcount != 1:
                    return False
            cursor = db.execute("UPDATE accounts SET password_hash = ? WHERE username = ?", (phc, username))
            return cursor.rowcount == 1

    def iter_accounts(self) -> Iterator[Account]:
        """All accounts, oldest first, streamed from a cursor."""
        cursor = self._connection().execute(
            f"SELECT {self._ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, username"
        )
        for row in cursor:
            yield self._account(row)

    def count_accounts(self) -> int:
        return self._connection().execute("SELECT count(*) FROM accounts").fetchone()[0]

    RESET_TABLES = ("authenticators", "otp_codes", "sms", "sim_requests", "login_failures", "accounts")
    """What `reset_accounts` empties, in this order; the registries, the SIMs and the tokens stay."""

    def reset_accounts(self) -> dict[str, int]:
        """Delete every account and what is tied to it (authenticator apps, one-time codes, SMS,
        SIM signing requests, login locks) in one transaction: {table: rows deleted}."""
        with self.transaction() as db:
            return {table: db.execute(f"DELETE FROM {table}").rowcount for table in self.RESET_TABLES}

    def seed_practice_registries(self) -> tuple[int, int]:
        """Put back any practice subscriber or insured person missing from the registries (the
        migrations seed them): (subscribers added, insured people added)."""
        from dvc_tui.core.bhxh import PRACTICE_INSURED
        from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS

        with self.transaction() as db:
            subscribers = sum(db.execute(
                "INSERT OR IGNORE INTO carrier_subscribers (phone, id_number, full_name) VALUES (?, ?, ?)",
                (s.phone, s.id_number, s.full_name),
            ).rowcount for s in TRAINING_SUBSCRIBERS)
            insured = sum(db.execute(
                "INSERT OR IGNORE INTO bhxh_registry (bhxh_number, id_number, full_name, dob, phone) "
                "VALUES (?, ?, ?, ?, ?)",
                (p.bhxh_number, p.id_number, p.full_name, p.dob.isoformat(), p.phone),
            ).rowcount for p in PRACTICE_INSURED)
        return subscribers, insured

    # -- carriers' registry ----------------------------------------------------------------
    def subscriber(self, phone: str) -> Subscriber | None:
        from dvc_tui.core.carrier import Subscriber

        row = self._connection().execute(
            "SELECT phone, id_number, full_name FROM carrier_subscribers WHERE phone = ?", (phone,)
        ).fetchone()
        return Subscriber(*row) if row else None

    def insured_person(self, bhxh_number: str) -> InsuredPerson | None:
        """The social-insurance registry's person with this Mã số BHXH, or None."""
        from dvc_tui.core.bhxh import InsuredPerson

        row = self._connection().execute(
            "SELECT bhxh_number, id_number, full_name, dob, phone FROM bhxh_registry WHERE bhxh_number = ?",
            (bhxh_number,),
        ).fetchone()
        if row is None:
            return None
        return InsuredPerson(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4])

    # -- one-time codes --------------------------------------------------------------------
    _CODE_COLUMNS = "id, purpose, subject, phone, issued_at, expires_at, attempts, status, used_at"

    @staticmethod
    def _code(row) -> IssuedCode:
        from dvc_tui.core.otp import CodeStatus, IssuedCode, Purpose

        return IssuedCode(
            id=row[0],
            purpose=Purpose(row[1]),
            subject=row[2],
            phone=row[3],
            issued_at=datetime.fromisoformat(row[4]),
            expires_at=datetime.fromisoformat(row[5]),
            attempts=row[6],
            status=CodeStatus(row[7]),
            used_at=_dt(row[8]),
        )

    def latest_code(self, purpose: str, subject: str) -> IssuedCode | None:
        row = self._connection().execute(
            f"SELECT {self._CODE_COLUMNS} FROM otp_codes WHERE purpose = ? AND subject = ? "
            "ORDER BY id DESC LIMIT 1",
            (purpose, subject),
        ).fetchone()
        return self._code(row) if row else None

    def recent_codes(self, purpose: str, subject: str, since: datetime) -> list[IssuedCode]:
        rows = self._connection().execute(
            f"SELECT {self._CODE_COLUMNS} FROM otp_codes WHERE purpose = ? AND subject = ? "
            "AND issued_at >= ? ORDER BY id DESC LIMIT 10",
            (purpose, subject, _ts(since)),
        ).fetchall()
        return [self._code(r) for r in rows]

    def code_send_times(self, phone: str, since: datetime) -> list[datetime]:
        rows = self._connection().execute(
            "SELECT issued_at FROM otp_codes WHERE phone = ? AND issued_at >= ?",
            (phone, _ts(since)),
        ).fetchall()
        return [datetime.fromisoformat(r[0]) for r in rows]

    def issue_code(
        self, purpose: str, subject: str, phone: str, issued_at: datetime, expires_at: datetime
    ) -> IssuedCode:
        """Supersede the subject's active codes of this purpose and add a new one, atomically."""
        with self.transaction() as db:
            return self._issue_code(db, purpose, subject, phone, issued_at, expires_at)

    def issue_code_with_sms(
        self, purpose: str, subject: str, phone: str, issued_at: datetime, expires_at: datetime,
        sender: str, body: Callable[[int], str],
    ) -> tuple[IssuedCode, SmsMessage]:
        """As `issue_code`, and the code's SMS (`body` of the code's row id) in the same
        transaction: a crash leaves both or neither, never a code that no SMS carried (which a
        new start within its 5 minutes would hand back without sending anything)."""
        from dvc_tui.core.sms import SmsMessage

        with self.transaction() as db:
            issued = self._issue_code(db, purpose, subject, phone, issued_at, expires_at)
            text = body(issued.id)
            cursor = db.execute(
                "INSERT INTO sms (phone, sender, body, sent_at) VALUES (?, ?, ?, ?)",
                (phone, sender, text, _ts(issued_at)),
            )
        return issued, SmsMessage(cursor.lastrowid, phone, sender, text, issued_at)

    @staticmethod
    def _issue_code(db, purpose: str, subject: str, phone: str, issued_at: datetime, expires_at: datetime) -> IssuedCode:
        from dvc_tui.core.otp import CodeStatus, IssuedCode, Purpose

        db.execute(
            "UPDATE otp_codes SET status = ? WHERE purpose = ? AND subject = ? AND status = ?",
            (CodeStatus.SUPERSEDED.value, purpose, subject, CodeStatus.ACTIVE.value),
        )
        cursor = db.execute(
            "INSERT INTO otp_codes (purpose, subject, phone, issued_at, expires_at, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (purpose, subject, phone, _ts(issued_at), _ts(expires_at), CodeStatus.ACTIVE.value),
        )
        return IssuedCode(
            cursor.lastrowid, Purpose(purpose), subject, phone, issued_at, expires_at, 0, CodeStatus.ACTIVE
        )

    def use_code(self, code_id: int, used_at: datetime) -> bool:
        """Mark an active code used; False when it was no longer active (single use)."""
        from dvc_tui.core.otp import CodeStatus

        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE otp_codes SET status = ?, used_at = ? WHERE id = ? AND status = ?",
                (CodeStatus.USED.value, _ts(used_at), code_id, CodeStatus.ACTIVE.value),
            )
            return cursor.rowcount == 1

    def count_code_attempt(
        self, purpose: str, subject: str, change: Callable[[IssuedCode | None], IssuedCode | None],
    ) -> tuple[IssuedCode | None, IssuedCode | None]:
        """Read the subject's latest code of this purpose and write `change(code)`'s attempts,
        status and use in one transaction (BEGIN IMMEDIATE: another process's entry waits for
        this one, as with count_login_attempt). Returns (before, after)."""
        with self.transaction() as db:
            row = db.execute(
                f"SELECT {self._CODE_COLUMNS} FROM otp_codes WHERE purpose = ? AND subject = ? "
                "ORDER BY id DESC LIMIT 1",
                (purpose, subject),
            ).fetchone()
            before = self._code(row) if row else None
            after = change(before)
            if after is not None and before is not None and after != before:
                db.execute(
                    "UPDATE otp_codes SET attempts = ?, status = ?, used_at = ? WHERE id = ?",
                    (after.attempts, after.status.value, _ts(after.used_at) if after.used_at else None, before.id),
                )
        return before, after

    # -- SMS -------------------------------------------------------------------------------
    def insert_sms(self, phone: str, sender: str, body: str, sent_at: datetime) -> SmsMessage:
        from dvc_tui.core.sms import SmsMessage

        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO sms (phone, sender, body, sent_at) VALUES (?, ?, ?, ?)",
                (phone, sender, body, _ts(sent_at)),
            )
            sms_id = cursor.lastrowid
        return SmsMessage(sms_id, phone, sender, body, sent_at)

    def recent_sms(self, limit: int = 50, phone: str | None = None, after_id: int = 0) -> list[SmsMessage]:
        """The newest `limit` messages (newest first), optionally of one number or after an id."""
        from dvc_tui.core.sms import SmsMessage

        sql = "SELECT id, phone, sender, body, sent_at FROM sms WHERE id > ?"
        args: list = [after_id]
        if phone is not None:
            sql += " AND phone = ?"
            args.append(phone)
        sql += " ORDER BY id DESC LIMIT ?"
        args.append(limit)
        rows = self._connection().execute(sql, args).fetchall()
        return [SmsMessage(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4])) for r in rows]

    # -- authenticator app (TOTP) ----------------------------------------------------------
    _AUTHENTICATOR_COLUMNS = (
        "username, secret, confirmed_at, last_step, failed_attempts, locked_until, pending_secret, pending_since, "
        "lock_count, last_failure"
    )

    def get_authenticator(self, username: str) -> AuthenticatorRecord | None:
        return self._authenticator(self._connection(), username)

    def _authenticator(self, db: sqlite3.Connection, username: str) -> AuthenticatorRecord | None:
        from dvc_tui.core.totp import AuthenticatorRecord

        row = db.execute(
            f"SELECT {self._AUTHENTICATOR_COLUMNS} FROM authenticators WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return None
        return AuthenticatorRecord(
            username=row[0],
            secret=bytes(row[1]) if row[1] is not None else None,
            confirmed_at=_dt(row[2]),
            last_step=row[3],
            failed_attempts=row[4],
            locked_until=_dt(row[5]),
            pending_secret=bytes(row[6]) if row[6] is not None else None,
            pending_since=_dt(row[7]),
            lock_count=row[8],
            last_failure=_dt(row[9]),
        )

    def set_pending_authenticator(self, username: str, sealed: bytes, since: datetime) -> None:
        """Put a new secret awaiting its first code; a confirmed one stays in force meanwhile."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO authenticators (username, pending_secret, pending_since) VALUES (?, ?, ?) "
                "ON CONFLICT (username) DO UPDATE SET pending_secret = excluded.pending_secret, "
                "pending_since = excluded.pending_since",
                (username, sealed, _ts(since)),
            )

    def activate_authenticator(self, username: str, pending: bytes, confirmed_at: datetime, step: int) -> bool:
        """Make the pending secret the account's authenticator, if it is still the one pending.

        The confirming code's step counts as used; the attempt count and any lock are cleared."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE authenticators SET secret = pending_secret, pending_secret = NULL, "
                "pending_since = NULL, confirmed_at = ?, last_step = ?, failed_attempts = 0, lock_count = 0, "
                "locked_until = NULL, last_failure = NULL WHERE username = ? AND pending_secret = ?",
                (_ts(confirmed_at), step, username, pending),
            )
            return cursor.rowcount == 1

    def count_authenticator_attempt(
        self, username: str, change: Callable[[AuthenticatorRecord | None], AuthenticatorRecord | None],
    ) -> tuple[AuthenticatorRecord | None, AuthenticatorRecord | None]:
        """Read an account's authenticator and write `change(row)`'s counters (the last step
        used, the wrong codes, the locks, the lock's end) in one transaction (BEGIN IMMEDIATE:
        another process's code waits for this one, as with count_login_attempt). Returns
        (before, after)."""
        with self.transaction() as db:
            before = self._authenticator(db, username)
            after = change(before)
            if after is not None and before is not None and after != before:
                db.execute(
                    "UPDATE authenticators SET last_step = ?, failed_attempts = ?, lock_count = ?, "
                    "locked_until = ?, last_failure = ? WHERE username = ?",
                    (after.last_step, after.failed_attempts, after.lock_count,
                     _ts(after.locked_until) if after.locked_until else None,
                     _ts(after.last_failure) if after.last_failure else None, username),
                )
        return before, after

    # -- password login: the brute-force lock (core/lockout.py) ----------------------------
    @staticmethod
    def _login_failures(row) -> LoginFailures:
        from dvc_tui.core.lockout import LoginFailures

        return LoginFailures(row[0], row[1], row[2], _dt(row[3]), _dt(row[4]))

    def login_failures(self, username: str) -> LoginFailures | None:
        row = self._connection().execute(
            "SELECT username, failures, lock_count, locked_until, last_failure FROM login_failures "
            "WHERE username = ?",
            (username,),
        ).fetchone()
        return self._login_failures(row) if row else None

    def count_login_attempt(
        self,
        username: str,
        change: Callable[[LoginFailures | None], LoginFailures],
        *,
        stale_before: datetime,
        now: datetime,
    ) -> tuple[LoginFailures | None, LoginFailures]:
        """Read a login name's row and write `change(row)` in one transaction (BEGIN IMMEDIATE:
        another process's attempt waits for this one). Rows no longer locked whose last wrong
        password is older than `stale_before` are deleted on the way. Returns (before, after)."""
        with self.transaction() as db:
            db.execute(
                "DELETE FROM login_failures WHERE last_failure < ? AND (locked_until IS NULL OR locked_until <= ?) "
                "AND username <> ?",
                (_ts(stale_before), _ts(now), username),
            )
            row = db.execute(
                "SELECT username, failures, lock_count, locked_until, last_failure FROM login_failures "
                "WHERE username = ?",
                (username,),
            ).fetchone()
            before = self._login_failures(row) if row else None
            after = change(before)
            if after != before:
                db.execute(
                    "INSERT INTO login_failures (username, failures, lock_count, locked_until, last_failure) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
                    "lock_count = excluded.lock_count, locked_until = excluded.locked_until, "
                    "last_failure = excluded.last_failure",
                    (
                        username,
                        after.failures,
                        after.lock_count,
                        _ts(after.locked_until) if after.locked_until else None,
                        _ts(after.last_failure) if after.last_failure else None,
                    ),
                )
        return before, after

    def clear_login_failures(self, username: str) -> None:
        """A right password (or a new one by Quên mật khẩu): the count and any lock are gone."""
        with self.transaction() as db:
            db.execute("DELETE FROM login_failures WHERE username = ?", (username,))

    # -- signing SIMs (SIM ký số) ----------------------------------------------------------
    def get_sim(self, phone: str) -> StoredSim | None:
        from dvc_tui.core.sim import StoredSim

        row = self._connection().execute(
            "SELECT phone, cert_pem, key_pem, failed_pins, locked, training FROM sims WHERE phone = ?", (phone,)
        ).fetchone()
        if row is None:
            return None
        return StoredSim(row[0], bytes(row[1]), bytes(row[2]), row[3], bool(row[4]), row[5])

    def add_sim(self, sim: StoredSim, created_at: datetime) -> bool:
        """Keep a new SIM; False when the number or its training tag has one (the first wins)."""
        try:
            with self.transaction() as db:
                db.execute(
                    "INSERT INTO sims (phone, cert_pem, key_pem, failed_pins, locked, training, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (sim.phone, sim.cert_pem, sim.key_pem, sim.failed_pins, int(sim.locked), sim.training,
                     _ts(created_at)),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    def sim_training_tags(self) -> set[str]:
        rows = self._connection().execute("SELECT training FROM sims WHERE training IS NOT NULL").fetchall()
        return {r[0] for r in rows}

    def locked_training_sims(self) -> set[str]:
        """The training tags of the practice SIMs locked by wrong PINs (the handout shows them so)."""
        rows = self._connection().execute(
            "SELECT training FROM sims WHERE training IS NOT NULL AND locked <> 0").fetchall()
        return {r[0] for r in rows}

    def reserve_sim_pin(self, phone: str, limit: int) -> tuple[int, bool]:
        """Count a PIN try before it is checked, in one transaction (BEGIN IMMEDIATE: another
        process's try waits for this one): (its number, refused). A locked SIM (or none) counts
        nothing and is refused; the try numbered `limit` locks the SIM at once, so a parallel
        try after it is refused unchecked (issue 14, finding 12)."""
        with self.transaction() as db:
            row = db.execute("SELECT failed_pins, locked FROM sims WHERE phone = ?", (phone,)).fetchone()
            if row is None or row[1]:
                return (row[0] if row else 0), True
            attempt = row[0] + 1
            db.execute(
                "UPDATE sims SET failed_pins = ?, locked = ? WHERE phone = ?",
                (attempt, int(attempt >= limit), phone),
            )
        return attempt, False

    def settle_sim_pin(self, phone: str, attempt: int, limit: int, outcome: str) -> None:
        """A reserved try's outcome. "right": the count is cleared, and so is the lock if this
        try set it (it was the last one checked); "wrong": it stays counted; "unchecked" (the
        key could not be read): the try is taken back."""
        with self.transaction() as db:
            if outcome == "right":
                db.execute(
                    "UPDATE sims SET failed_pins = 0, locked = CASE WHEN ? >= ? THEN 0 ELSE locked END "
                    "WHERE phone = ? AND (locked = 0 OR ? >= ?)",
                    (attempt, limit, phone, attempt, limit),
                )
            elif outcome == "unchecked":
                db.execute(
                    "UPDATE sims SET failed_pins = max(0, failed_pins - 1), "
                    "locked = CASE WHEN ? >= ? THEN 0 ELSE locked END WHERE phone = ?",
                    (attempt, limit, phone),
                )

    def reset_training_sims(self) -> int:
        """`training load`: the practice SIMs unlocked, their wrong-PIN counts cleared (a visitor
        may have locked one): how many were changed."""
        with self.transaction() as db:
            return db.execute(
                "UPDATE sims SET failed_pins = 0, locked = 0 WHERE training IS NOT NULL "
                "AND (failed_pins <> 0 OR locked <> 0)"
            ).rowcount

    _SIM_REQUEST_COLUMNS = "id, phone, purpose, username, challenge, created_at, expires_at, status, signature, decided_at"

    @staticmethod
    def _sim_request(row) -> SigningRequest:
        from dvc_tui.core.sim import RequestStatus, SigningRequest, SimPurpose

        return SigningRequest(
            id=row[0],
            phone=row[1],
            purpose=SimPurpose(row[2]),
            username=row[3],
            challenge=bytes(row[4]),
            created_at=datetime.fromisoformat(row[5]),
            expires_at=datetime.fromisoformat(row[6]),
            status=RequestStatus(row[7]),
            signature=bytes(row[8]) if row[8] is not None else None,
            decided_at=_dt(row[9]),
        )

    def insert_sim_request(
        self, phone: str, purpose: str, username: str, challenge: bytes, created_at: datetime, expires_at: datetime
    ) -> tuple[SigningRequest, list[int]]:
        """Cancel the number's pending requests and add a new one, atomically: (it, ids cancelled)."""
        from dvc_tui.core.sim import RequestStatus, SigningRequest, SimPurpose

        pending = RequestStatus.PENDING.value
        with self.transaction() as db:
            cancelled = [r[0] for r in db.execute(
                "SELECT id FROM sim_requests WHERE phone = ? AND status = ?", (phone, pending)
            ).fetchall()]
            db.execute(
                "UPDATE sim_requests SET status = ?, decided_at = ? WHERE phone = ? AND status = ?",
                (RequestStatus.CANCELLED.value, _ts(created_at), phone, pending),
            )
            cursor = db.execute(
                "INSERT INTO sim_requests (phone, purpose, username, challenge, created_at, expires_at, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (phone, purpose, username, challenge, _ts(created_at), _ts(expires_at), pending),
            )
            request_id = cursor.lastrowid
        request = SigningRequest(request_id, phone, SimPurpose(purpose), username, challenge, created_at, expires_at,
                                 RequestStatus.PENDING)
        return request, cancelled

    def get_sim_request(self, request_id: int) -> SigningRequest | None:
        row = self._connection().execute(
            f"SELECT {self._SIM_REQUEST_COLUMNS} FROM sim_requests WHERE id = ?", (request_id,)
        ).fetchone()
        return self._sim_request(row) if row else None

    def close_sim_request(
        self, request_id: int, status: str, when: datetime, *, signature: bytes | None = None,
        only_from: str = "pending",  # core.sim.RequestStatus.PENDING
    ) -> bool:
        """Set a request's status (and signature) while it is still `only_from`."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE sim_requests SET status = ?, decided_at = ?, signature = COALESCE(?, signature) "
                "WHERE id = ? AND status = ?",
                (status, _ts(when), signature, request_id, only_from),
            )
            return cursor.rowcount == 1

    def count_sim_requests(self, phone: str, since: datetime) -> int:
        return self._connection().execute(
            "SELECT count(*) FROM sim_requests WHERE phone = ? AND created_at >= ?", (phone, _ts(since))
        ).fetchone()[0]

    def sim_requests(self, limit: int = 20, phone: str | None = None) -> list[SigningRequest]:
        """The newest requests first, optionally of one number."""
        sql = f"SELECT {self._SIM_REQUEST_COLUMNS} FROM sim_requests"
        args: list = []
        if phone is not None:
            sql += " WHERE phone = ?"
            args.append(phone)
        sql += " ORDER BY id DESC LIMIT ?"
        args.append(limit)
        return [self._sim_request(r) for r in self._connection().execute(sql, args).fetchall()]

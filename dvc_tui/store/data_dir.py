"""The data dir's modes: the folder 0700 and every file dvc-tui keeps in it 0600, also for a
folder made beforehand (by hand, by a package, under another umask) or files copied in.

Called when the store or the install key is first opened (services.py) and before the app takes
the screen (cli.py). Only this user's own folder and the files dvc-tui itself names are changed
(a symlink is never followed); a folder or file that cannot be changed is left as it is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
SUBDIRS = ("ca", "tokens")
"""Folders of the data dir whose whole tree is dvc-tui's (store/tokens.py)."""


def own_files(data_dir: Path) -> list[Path]:
    """The files in the data dir that dvc-tui made or reads (the database and its journal,
    the keys, the PIN's hash, the training log)."""
    from dvc_tui.store.events import EVENTS_NAME
    from dvc_tui.store.kiosk_pin import PIN_FILE
    from dvc_tui.store.secrets import CHECK_FILE, KEY_FILE
    from dvc_tui.store.sqlite import DB_NAME

    names = [DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal", KEY_FILE, CHECK_FILE, PIN_FILE,
             EVENTS_NAME, EVENTS_NAME + ".1"]
    return [Path(data_dir) / name for name in names]


def tighten(data_dir: Path) -> None:
    """Make the data dir 0700 and dvc-tui's files in it 0600 (what exists of them)."""
    data_dir = Path(data_dir)
    if not _chmod(data_dir, DIR_MODE, want_dir=True):
        return
    for path in own_files(data_dir):
        _chmod(path, FILE_MODE, want_dir=False)
    for name in SUBDIRS:
        top = data_dir / name
        if not _chmod(top, DIR_MODE, want_dir=True):
            continue
        for root, dirs, files in os.walk(top):  # os.walk follows no symlinked folder
            for name_ in dirs:
                _chmod(Path(root) / name_, DIR_MODE, want_dir=True)
            for name_ in files:
                _chmod(Path(root) / name_, FILE_MODE, want_dir=False)


def _chmod(path: Path, mode: int, *, want_dir: bool) -> bool:
    """chmod `path` if it is this user's own folder or regular file (not a symlink); whether
    it is such a folder (for a folder) or was there (for a file)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or (stat.S_ISDIR(info.st_mode) != want_dir):
        return False
    if not want_dir and not stat.S_ISREG(info.st_mode):
        return False
    getuid = getattr(os, "getuid", None)  # Windows has no owner id here: the profile's ACL guards it
    if getuid is not None and info.st_uid != getuid():
        return want_dir
    if stat.S_IMODE(info.st_mode) != mode:
        try:
            os.chmod(path, mode)
        except OSError:  # a read-only file system: left as it is
            pass
    return True


def write_private(path: Path, write) -> None:
    """Create or replace the file at `path` with mode 0600 whatever the umask, then call
    `write(handle)` on it (text, UTF-8, newline=""): for the report's CSV and the handout."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            # an existing file keeps its mode with O_CREAT: tightened here (Windows: by name)
            os.fchmod(fd, FILE_MODE) if hasattr(os, "fchmod") else os.chmod(path, FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        write(handle)

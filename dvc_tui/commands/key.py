"""`dvc-tui key status | to-file | to-keyring`: where the install's key is, and moving it.

The key seals the enrolled authenticator apps and the simulated CA's key (store/secrets.py), so
it is never made anew for a used data dir; it moves only by these commands, each of which copies
it, reads the copy back and compares it (and with the data dir's `install-key.check`), and only
then removes the other copy. A key that is in neither place, or differs between the two, is
refused in one line (exit 2) with nothing changed.
"""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    key = sub.add_parser("key", help="staff: the install's key (seals authenticator apps and the simulated "
                         "CA): where it is, and moving it between the OS keyring and a file")
    actions = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    actions.add_parser("status", help="where the key is: the file (--key-file / key_file, else install.key "
                       "in the data dir), the OS keyring, or both")
    actions.add_parser("to-file", help="copy the key from the keyring to the file (0600), check the copy, "
                       "then remove it from the keyring")
    actions.add_parser("to-keyring", help="copy the key from the file to the keyring, check the copy, "
                       "then remove the file")


def _say(key: str, **params) -> str:
    from dvc_tui.core.text import t

    return t(key, **params)


def _error(text: str) -> int:
    print(f"dvc-tui: {text}", file=sys.stderr)
    return 2


def run(args, *, backend=None) -> int:
    from dvc_tui.cli import _config

    config = _config(args)
    actions = {"status": _status, "to-file": _to_file, "to-keyring": _to_keyring}
    return actions[args.key_command](config, backend)


def _found(config, backend):
    """(the file's path, the key in it or None, what the keyring read, the recorded check)."""
    from dvc_tui.store.secrets import CHECK_FILE, read_key_file, read_keyring

    path = config.install_key_path
    in_file = read_key_file(path) if path.exists() else None
    in_keyring = read_keyring(config.data_dir, backend)
    try:
        check = (config.data_dir / CHECK_FILE).read_text().strip() or None
    except OSError:
        check = None
    return path, in_file, in_keyring, check


def _matches(key: bytes, check: str | None) -> bool:
    import hmac

    from dvc_tui.store.secrets import key_check

    return check is None or hmac.compare_digest(check, key_check(key))


def _status(config, backend) -> int:
    path, in_file, in_keyring, check = _found(config, backend)
    if in_file is not None:
        print(_say("cli.key.status.file", path=str(path)))
    else:
        print(_say("cli.key.status.no_file", path=str(path)))
    if not in_keyring.reachable:
        print(_say("cli.key.status.keyring_unreachable"))
    elif in_keyring.key is not None:
        print(_say("cli.key.status.keyring"))
    else:
        print(_say("cli.key.status.no_keyring"))
    for key in (in_file, in_keyring.key):
        if key is not None and not _matches(key, check):
            print(_say("cli.key.status.mismatch"))
            return 2
    if in_file is not None:
        print(_say("cli.key.status.uses_file"))
    elif in_keyring.key is not None:
        print(_say("cli.key.status.uses_keyring" if config.use_keyring else "cli.key.status.keyring_off"))
    return 0


def _to_file(config, backend) -> int:
    from dvc_tui.store.secrets import SERVICE, _usable_backend, _username, read_key_file, write_key_file

    path, in_file, in_keyring, check = _found(config, backend)
    if not in_keyring.reachable:
        return _error(_say("cli.key.keyring_unreachable"))
    if in_keyring.key is None:
        if in_file is not None:
            print(_say("cli.key.already_file", path=str(path)))
            return 0
        return _error(_say("cli.key.none"))
    key = in_keyring.key
    if not _matches(key, check):
        return _error(_say("cli.key.mismatch"))
    if in_file is not None and in_file != key:
        return _error(_say("cli.key.differ", path=str(path)))
    try:
        if in_file is None:
            write_key_file(path, key)
        if read_key_file(path) != key:  # the copy is checked before the keyring's is removed
            return _error(_say("cli.key.differ", path=str(path)))
    except (OSError, ValueError) as exc:
        return _error(_say("cli.key.unwritable", path=str(path), reason=getattr(exc, "strerror", None) or str(exc)))
    try:
        kr = _usable_backend(backend)
        kr.delete_password(SERVICE, _username(config.data_dir))
    except Exception as exc:  # noqa: BLE001 - the file holds it; the keyring's copy stays
        return _error(_say("cli.key.keyring_kept", path=str(path), reason=type(exc).__name__))
    print(_say("cli.key.moved_to_file", path=str(path)))
    return 0


def _to_keyring(config, backend) -> int:
    from dvc_tui.store.secrets import KEY_FILE, SERVICE, _usable_backend, _username

    if not config.use_keyring:
        return _error(_say("cli.key.keyring_off"))
    path, in_file, in_keyring, check = _found(config, backend)
    if in_file is None and config.key_file is not None:  # a key left in the data dir
        other = config.data_dir / KEY_FILE
        if other.exists():
            from dvc_tui.store.secrets import read_key_file

            path, in_file = other, read_key_file(other)
    if in_file is None:
        if in_keyring.key is not None:
            print(_say("cli.key.already_keyring"))
            return 0
        return _error(_say("cli.key.none"))
    if not _matches(in_file, check):
        return _error(_say("cli.key.mismatch"))
    if not in_keyring.reachable:
        return _error(_say("cli.key.keyring_unreachable"))
    if in_keyring.key is not None and in_keyring.key != in_file:
        return _error(_say("cli.key.differ_keyring", path=str(path)))
    try:
        kr = _usable_backend(backend)
        username = _username(config.data_dir)
        if in_keyring.key is None:
            kr.set_password(SERVICE, username, in_file.hex())
        stored = kr.get_password(SERVICE, username)
    except Exception as exc:  # noqa: BLE001 - any backend failure: the file stays
        return _error(_say("cli.key.keyring_failed", reason=type(exc).__name__))
    if stored != in_file.hex():
        return _error(_say("cli.key.keyring_failed", reason="read-back"))
    path.unlink()
    print(_say("cli.key.moved_to_keyring", path=str(path)))
    return 0

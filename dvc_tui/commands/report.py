"""dvc-tui report: the trainer's report from events.jsonl (per path, per step, the top errors)."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    report = sub.add_parser("report", help="trainer: completion per path, time per step and the "
                            "commonest errors, from the event log (events.jsonl)")
    report.add_argument("--since", help="only events from this day (YYYY-MM-DD, Vietnam time) "
                        "or moment (ISO 8601, e.g. 2026-11-30T08:00)")
    report.add_argument("--csv", metavar="FILE", help="also write the time-per-step table as CSV")


def parse_since(text: str):
    """A day (its start, Vietnam time) or an ISO moment (without a zone: Vietnam time); or None."""
    from datetime import date, datetime, time

    from dvc_tui.core.clock import VN_TZ

    text = (text or "").strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), VN_TZ)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=VN_TZ)


def run(args) -> int:
    from dvc_tui.cli import _config
    from dvc_tui.core.events import report
    from dvc_tui.core.text import t
    from dvc_tui.store.events import EVENTS_NAME, read_events

    config = _config(args)
    since = None
    if args.since is not None:
        since = parse_since(args.since)
        if since is None:
            print(f"dvc-tui: {t('report.bad_since', value=args.since)}", file=sys.stderr)
            return 2
    events, skipped = read_events(config.data_dir)
    result = report(events, since)
    if args.csv:
        try:
            write_csv(args.csv, result)
        except OSError as exc:
            print(f"dvc-tui: {t('report.csv_failed', path=args.csv, detail=exc.strerror or str(exc))}", file=sys.stderr)
            return 2
    show(result, config.data_dir / EVENTS_NAME, skipped)
    if args.csv:
        print(t("report.csv_written", path=args.csv))
    return 0


def path_name(path: str | None) -> str:
    from dvc_tui.core.text import t

    return t(f"report.path.{path}") if path else "—"


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def show(result, log_path, skipped: int = 0) -> None:
    from rich.table import Table

    from dvc_tui.cli import console as plain_console
    from dvc_tui.core.clock import VN_TZ
    from dvc_tui.core.text import t

    console = plain_console()  # a path, a screen's or an error's name is text, never markup
    since = t("report.since", since=result.since.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M")) if result.since else ""
    console.print(t("report.summary", events=result.events, sessions=result.sessions, since=since))
    console.print(t("report.log", path=str(log_path)), highlight=False, soft_wrap=True)
    if skipped:
        console.print(t("report.skipped", count=skipped))

    paths = Table(title=t("report.title.paths"), caption=t("report.caption.paths"))
    for key in ("path", "started", "finished", "rate", "minutes", "step_median"):
        paths.add_column(t(f"report.col.{key}"), justify="left" if key == "path" else "right", no_wrap=key == "path")
    for row in result.paths:
        paths.add_row(path_name(row.path), str(row.started), str(row.finished),
                      _number(row.completion, 0), _number(row.median_minutes),
                      _number(row.median_step_seconds))
    console.print(paths)

    steps = Table(title=t("report.title.steps"))
    for key in ("path", "screen", "count", "median", "mean"):
        steps.add_column(t(f"report.col.{key}"), justify="right" if key in ("count", "median", "mean") else "left",
                         no_wrap=key in ("path", "screen"))
    for row in result.steps:
        steps.add_row(path_name(row.path), row.screen, str(row.count), _number(row.median_seconds),
                      _number(row.mean_seconds))
    console.print(steps)

    errors = Table(title=t("report.title.errors"))
    for key in ("message", "key", "where", "count"):
        errors.add_column(t(f"report.col.{key}"), justify="right" if key == "count" else "left",
                          overflow="fold")
    for key, count in result.errors[:10]:
        screen, field = result.error_places.get(key, ("?", "?"))
        errors.add_row(error_text(key), key, f"{screen} · {field}", str(count))
    console.print(errors)


def error_text(key: str) -> str:
    """The message's words, its {placeholders} (the values of that moment) shown as …."""
    import re

    from dvc_tui.core.problems import Problem
    from dvc_tui.core.text import problem_text

    return re.sub(r"\{[a-z_]+\}", "…", str(problem_text(Problem(key))))


def write_csv(target: str, result) -> None:
    import csv

    from dvc_tui.store.data_dir import write_private

    def write(handle) -> None:
        writer = csv.writer(handle)
        writer.writerow(["path", "path_name", "screen", "count", "median_seconds", "mean_seconds"])
        for row in result.steps:
            writer.writerow([row.path, path_name(row.path), row.screen, row.count,
                             f"{row.median_seconds:.3f}", f"{row.mean_seconds:.3f}"])

    write_private(target, write)  # 0600 whatever the umask: it says who practised what

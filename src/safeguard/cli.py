"""The `safeguard` command: demo, serve, synth and manage.

Every command uses the database in DATABASE_URL when it is set, otherwise SQLite under var/.
Exit codes: 0 fine, 1 problems in the data, 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

EXIT_OK = 0
EXIT_DATA = 1
EXIT_UNUSABLE = 2

PRESETS = ("demo", "birmingham", "england")


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safeguard.web.config.settings")
    import django
    from django.conf import settings

    django.setup()
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        Path(settings.DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from exc


class Progress:
    """Prints progress of long work on one line per stage (standard error)."""

    def __init__(self) -> None:
        self._stage = ""
        self._started = time.monotonic()
        self._last = 0.0
        self._tty = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self._stage:
            if self._stage and self._tty:
                sys.stderr.write("\n")
            self._stage = stage
            self._last = 0.0
        finished = total > 0 and done >= total
        if not finished and now - self._last < 0.5:
            return
        self._last = now
        elapsed = now - self._started
        line = f"  {stage}: {done:,}/{total:,}  ({elapsed:.1f} s)"
        if self._tty:
            sys.stderr.write("\r" + line)
        elif finished:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self._stage and self._tty:
            sys.stderr.write("\n")


def _synthesise(preset: str, years: int, seed: int, as_at: date) -> dict[str, int]:
    from safeguard.synth import generate
    from safeguard.web.casework.synth_loader import load_authority

    progress = Progress()
    print(f"Generating the {preset} authority: {years} years to {as_at:%d %b %Y}, seed {seed}")
    authority = generate(preset=preset, years=years, seed=seed, as_at=as_at, progress=progress)
    counts = load_authority(authority, progress=progress)
    progress.finish()
    return counts


def _synth_returns(args: argparse.Namespace) -> int:
    """`synth --returns DIR`: write the year's SSDA903 and CIN census files; no database."""
    from safeguard.synth import generate
    from safeguard.synth.returns import write_returns

    started = time.monotonic()
    authority = generate(preset=args.preset, years=args.years, seed=args.seed, as_at=args.as_at)
    written = write_returns(authority, args.returns, args.as_at)
    for path in written:
        print(path)
    print(f"Wrote {len(written)} files in {time.monotonic() - started:.1f} s")
    return EXIT_OK


def cmd_synth(args: argparse.Namespace) -> int:
    if args.returns is not None:
        return _synth_returns(args)
    _setup_django()
    _migrate()
    from safeguard.web.casework.synth_loader import authority_present

    if authority_present():
        print(
            "This database already holds a synthetic authority; "
            "point DATABASE_URL at an empty database to generate another.",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    started = time.monotonic()
    counts = _synthesise(args.preset, args.years, args.seed, args.as_at)
    total = sum(counts.values())
    print(f"Wrote {total:,} rows in {time.monotonic() - started:.1f} s")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    from django.utils import timezone

    from safeguard.web.access.demo_users import demo_users_ensure
    from safeguard.web.casework.synth_loader import authority_present

    print("Preparing the database")
    _migrate()
    if not authority_present():
        _synthesise("demo", years=3, seed=args.seed, as_at=timezone.localdate())
    password = os.environ.get("SAFEGUARD_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    users = demo_users_ensure(password=password)
    print("\nDemo users (one per role):")
    for user in users:
        who = f" ({user.staff_name})" if user.staff_name else ""
        print(f"  {user.username:<22} {user.role_label}{who}")
    if any(u.created for u in users):
        if os.environ.get("SAFEGUARD_DEMO_PASSWORD"):
            print("\nPassword: the one in SAFEGUARD_DEMO_PASSWORD")
        else:
            print(f"\nPassword for every demo user (shown once): {password}")
    else:
        print("\nThe demo users already existed and keep their passwords.")
        print("To reset one: safeguard manage changepassword USERNAME")
    if args.no_serve:
        return EXIT_OK
    return _serve("127.0.0.1", args.port)


def _serve(host: str, port: int) -> int:
    from django.core.management import call_command

    print(f"\nSafeguard is at http://{host}:{port}/  (Ctrl+C to stop)")
    call_command("runserver", f"{host}:{port}", use_reloader=False)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    _migrate()
    return _serve(args.host, args.port)


def cmd_work(args: argparse.Namespace) -> int:
    """Print the service's (or one team's) work list: what is due, due soon and overdue."""
    _setup_django()
    _migrate()
    from safeguard.web.timescales.report import UnknownTeam, work_report

    try:
        text = work_report(as_at=args.as_at, team_name=args.team, output_format=args.format)
    except UnknownTeam as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    print(text)
    return EXIT_OK


def cmd_import_school_feed(args: argparse.Namespace) -> int:
    """Import a school feed CSV, all or nothing: 0 imported, 1 problems in rows, 2 unusable."""
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        print(f"{path}: cannot read the file: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except UnicodeDecodeError:
        print(f"{path}: the file is not UTF-8 text (save the CSV as UTF-8)", file=sys.stderr)
        return EXIT_UNUSABLE
    _setup_django()
    _migrate()
    from safeguard.web.casework.synth_loader import system_user
    from safeguard.web.timescales.services import school_feed_import

    report = school_feed_import(acting_user=system_user(), file_name=str(path), text=text)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.unusable:
        print(f"{path}: nothing imported; the file could not be used", file=sys.stderr)
        return EXIT_UNUSABLE
    if report.problems:
        print(
            f"{path}: nothing imported; {len(report.problems)} problem(s) in the rows",
            file=sys.stderr,
        )
        return EXIT_DATA
    print(f"{path}: imported {report.imported:,} rows")
    return EXIT_OK


def cmd_import_return(args: argparse.Namespace) -> int:
    """Import an SSDA903 or CIN census return into Safeguard's records, all or nothing:
    0 imported, 1 problems in the data (nothing imported), 2 unusable input."""
    _setup_django()
    _migrate()
    from safeguard.web.returns.importer import import_command

    return import_command(
        return_name=args.kind, paths=args.paths, year=args.year, dry_run=args.dry_run
    )


def cmd_export(args: argparse.Namespace) -> int:
    """Write a statutory return from Safeguard's own records: 0 written, 1 written but the
    return has errors, 2 nothing could be written."""
    _setup_django()
    _migrate()
    from safeguard.web.returns.export import export_command

    return export_command(
        return_name=args.return_name, year=args.year, out=args.out, output_format=args.format
    )


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safeguard manage", *args.rest])
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate an SSDA903 or CIN census return: 0 no issues, 1 issues found, 2 unusable input."""
    from safeguard.returns import validation

    if args.return_name == "cin":
        for given, flag in (
            (args.previous, "--previous"),
            (args.history, "--history"),
            (args.la_code, "--la-code"),
            (args.providers, "--providers"),
        ):
            if given:
                print(f"safeguard validate: {flag} is for 903 returns only", file=sys.stderr)
                return EXIT_UNUSABLE
        return validation.validate_cin_command(
            paths=args.paths, year=args.year, output_format=args.format, out=args.out
        )
    return validation.validate_903_command(
        paths=args.paths,
        previous=args.previous,
        year=args.year,
        output_format=args.format,
        out=args.out,
        la_code=args.la_code,
        providers=args.providers,
        history=args.history,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safeguard",
        description="Safeguard: children's services casework, timescales and statutory returns.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="prepare the demo authority and serve it locally")
    demo.add_argument("--no-serve", action="store_true", help="prepare the database only")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve Safeguard with the development server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    synth = sub.add_parser("synth", help="generate a synthetic authority into the database")
    synth.add_argument("--preset", choices=PRESETS, default="demo")
    synth.add_argument("--years", type=int, default=3)
    synth.add_argument("--seed", type=int, default=1)
    synth.add_argument("--as-at", type=_iso_date, default=None, help="last day (default today)")
    synth.add_argument(
        "--returns",
        type=Path,
        default=None,
        metavar="DIR",
        help=(
            "instead of the database, write the SSDA903 CSV files (DIR/ssda903, last year's "
            "tables in DIR/ssda903/previous, the Episodes of every earlier year in "
            "DIR/ssda903/history/episodes.csv) and the CIN census XML (DIR/cin.xml) "
            "for the collection year ending on or before --as-at; the database is not touched"
        ),
    )
    synth.set_defaults(func=cmd_synth)

    manage = sub.add_parser("manage", help="run one of Django's own management commands")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    work = sub.add_parser("work", help="what is due, due soon and overdue (service or team)")
    work.add_argument("--as-at", type=_iso_date, default=None, help="the day (default today)")
    work.add_argument("--team", default=None, help="one team's view, by name")
    work.add_argument("--format", choices=("table", "json"), default="table")
    work.set_defaults(func=cmd_work)

    imports = sub.add_parser("import", help="import a file into Safeguard")
    kinds = imports.add_subparsers(dest="kind", required=True)
    feed = kinds.add_parser("school-feed", help="a school feed CSV (UPN or name and birth date)")
    feed.add_argument("file", type=Path, metavar="FILE")
    feed.set_defaults(func=cmd_import_school_feed)
    for kind, what in (
        ("903", "an SSDA903 return (CSV files or XML)"),
        ("cin", "a CIN census XML"),
    ):
        returned = kinds.add_parser(kind, help=f"load {what} into Safeguard's records")
        returned.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        returned.add_argument("--year", type=int, help="year ending 31 March (2026 = 2025/26)")
        returned.add_argument(
            "--dry-run", action="store_true", help="report what would change; change nothing"
        )
        returned.set_defaults(func=cmd_import_return)

    export = sub.add_parser("export", help="write a statutory return from Safeguard's records")
    export.add_argument(
        "return_name", choices=("903", "cin", "annex-a"), metavar="{903,cin,annex-a}"
    )
    export.add_argument(
        "--year", type=int, required=True, help="year ending 31 March (2026 = 2025/26)"
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        help="903: a folder (csv) or file (xml); cin: a .xml file; annex-a: a .xlsx file",
    )
    export.add_argument(
        "--format", choices=("csv", "xml"), default=None, help="903 only: csv (default) or xml"
    )
    export.set_defaults(func=cmd_export)

    validate = sub.add_parser("validate", help="validate a statutory return's files")
    validate.add_argument("return_name", choices=("903", "cin"), metavar="{903,cin}")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument("--previous", nargs="+", type=Path, default=[], metavar="PATH")
    validate.add_argument(
        "--history",
        nargs="+",
        type=Path,
        default=[],
        metavar="PATH",
        help=(
            "903: Episodes files of years before last year (one file may hold many years), so "
            "rules 1000, 1001, 1002 and 199 see care before last year's collection"
        ),
    )
    validate.add_argument("--year", type=int, help="year ending 31 March (2026 = 2025/26)")
    validate.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    validate.add_argument(
        "--out", type=Path, help="write the report here (default: stdout; xlsx needs --out)"
    )
    validate.add_argument(
        "--la-code",
        help="903: the council's LA code (330 or E08000025), for rules 411, 1015 and 229",
    )
    validate.add_argument(
        "--providers",
        type=Path,
        metavar="CSV",
        help="903: an Ofsted provider file (URN, PLACE_CODES, ...) for the provider rules",
    )
    validate.set_defaults(func=cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "years", 1) < 1:
        parser.error("--years must be 1 or more")
    if args.command in {"synth", "work"} and args.as_at is None:
        args.as_at = date.today()
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

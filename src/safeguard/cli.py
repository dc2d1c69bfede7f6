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


def cmd_synth(args: argparse.Namespace) -> int:
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


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safeguard manage", *args.rest])
    return EXIT_OK


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
    synth.set_defaults(func=cmd_synth)

    manage = sub.add_parser("manage", help="run one of Django's own management commands")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "years", 1) < 1:
        parser.error("--years must be 1 or more")
    if args.command == "synth" and args.as_at is None:
        args.as_at = date.today()
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

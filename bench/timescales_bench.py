"""Benchmark: every work item and gap alert for the Birmingham preset on one as_at, in core.

Generates the authority (not timed), turns it into the engine's rows (timed separately: the
database selectors do the same with values_list), then times `facts.build`, `work_items` and
`gap_alerts` together, several runs, and prints medians. Usage:

    .venv/bin/python bench/timescales_bench.py [--preset birmingham] [--runs 5]

With `--database`, it instead times the selectors the pages call (`work_for_team` for the
largest team, `work_for_worker` for the busiest worker, `alerts_for_team`, `work_for_service`)
against the database Safeguard is configured for (SAFEGUARD_HOME or DATABASE_URL), which must
already hold an authority, e.g. from `safeguard synth --preset birmingham --as-at 2026-11-20`.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from safeguard.core.calendar import add_working_days
from safeguard.core.timescales import gap_alerts, work_items
from safeguard.core.timescales.facts import build
from safeguard.synth import generate
from safeguard.synth.timescale_facts import records_from_authority


def database(as_at: date, runs: int) -> None:
    """Median times of the page selectors against the configured database."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safeguard.web.config.settings")
    django.setup()
    from django.db.models import Count

    from safeguard.web.access.children import open_allocations
    from safeguard.web.timescales import selectors
    from safeguard.web.workforce.models import Staff, Team

    allocations = open_allocations(as_at)
    team_id = (
        allocations.values("team_id").annotate(n=Count("id")).order_by("-n").first() or {}
    ).get("team_id")
    worker_id = (
        allocations.exclude(worker=None)
        .values("worker_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
        or {}
    ).get("worker_id")
    team, worker = Team.objects.get(pk=team_id), Staff.objects.get(pk=worker_id)
    cases = {
        f"work_for_team ({team.name}, {allocations.filter(team=team).count()} children)": (
            lambda: selectors.work_for_team(team, as_at=as_at)
        ),
        f"work_for_worker ({allocations.filter(worker=worker).count()} children)": (
            lambda: selectors.work_for_worker(worker, as_at=as_at)
        ),
        "alerts_for_team": lambda: selectors.alerts_for_team(team, as_at=as_at),
        f"work_for_service ({allocations.count():,} allocations)": (
            lambda: selectors.work_for_service(as_at=as_at)
        ),
    }
    cases["service page (as a director, today)"] = _service_page()
    for name, call in cases.items():
        call()  # warm up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
        print(f"{name}: median {statistics.median(times) * 1000:.0f} ms")


def _service_page() -> Callable[[], object]:
    """A call that fetches the service view page as a director (made if there is none)."""
    from django.test import Client
    from django.urls import reverse

    from safeguard.web.access.models import User

    director = User.objects.filter(role=User.Role.DIRECTOR, is_active=True).first()
    if director is None:
        director = User.objects.create_user(
            username="bench-director", password=None, role=User.Role.DIRECTOR
        )
    client = Client()
    client.force_login(director)

    def get() -> object:
        response = client.get(reverse("workforce:service_work"))
        assert response.status_code == 200, response.status_code
        return response

    return get


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", default="birmingham")
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--as-at", type=date.fromisoformat, default=date(2026, 11, 20))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", action="store_true", help="time the page selectors")
    args = parser.parse_args()
    if args.database:
        database(args.as_at, args.runs)
        return
    started = time.perf_counter()
    authority = generate(args.preset, args.years, 2025, args.as_at)
    print(f"generated {args.preset} in {time.perf_counter() - started:.1f} s")
    add_working_days(args.as_at, 1)  # load the bank holiday table once, as a server would
    rows_t, core_t = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        records = records_from_authority(authority, as_at=args.as_at)
        t1 = time.perf_counter()
        facts = build(records, since=args.as_at - timedelta(days=30))
        items = work_items(facts, as_at=args.as_at)
        alerts = gap_alerts(records, as_at=args.as_at, items=items)
        t2 = time.perf_counter()
        rows_t.append(t1 - t0)
        core_t.append(t2 - t1)
    open_children = len({a.child_id for a in records.allocations})
    open_items = sum(1 for i in items if i.status.is_open)
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(
        f"open (allocated) children: {open_children:,}; items: {len(items):,} ({open_items:,} open);"
    )
    print(f"alerts: {len(alerts):,}")
    print(f"rows from the authority: median {statistics.median(rows_t):.3f} s")
    print(
        f"core (build + work items + alerts): median {statistics.median(core_t):.3f} s "
        f"(min {min(core_t):.3f}, max {max(core_t):.3f}, {args.runs} runs)"
    )


if __name__ == "__main__":
    main()

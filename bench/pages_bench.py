"""Time the caseload, child record and chronology pages over the Birmingham preset.

Usage: .venv/bin/python bench/pages_bench.py [--db PATH] [--runs N]

Generates the Birmingham preset (3 years) into a SQLite file unless it exists, signs in as the
busiest current social worker through Django's development server (`safeguard serve`), and
requests each page N times. Prints the median and 90th percentile per page. Target: under 200 ms.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAFEGUARD = [sys.executable, "-m", "safeguard.cli"]
PASSWORD = "bench-password-not-secret"  # noqa: S105


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(db: Path, env: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    """Generate the preset if needed and make bench users (a worker, their manager, a director).

    Returns the worker's children's ids and one child's id, date of birth and names.
    """
    if not db.exists():
        subprocess.run(
            [
                *SAFEGUARD,
                "synth",
                "--preset",
                "birmingham",
                "--years",
                "3",
                "--as-at",
                "2026-03-31",
            ],
            env=env,
            check=True,
        )
    script = f"""
from django.db.models import Count, Q
from safeguard.web.access.models import User
from safeguard.web.workforce.models import Staff
from safeguard.web.casework.models import Allocation
staff = (Staff.objects.filter(role="social_worker", end_date__isnull=True)
         .annotate(n=Count("allocations", filter=Q(allocations__end_date__isnull=True)))
         .order_by("-n").first())
user, _ = User.objects.get_or_create(username="bench.worker", defaults={{"role": "social_worker", "staff": staff}})
user.set_password("{PASSWORD}"); user.save()
manager = Staff.objects.filter(role="team_manager", team=staff.team, end_date__isnull=True).first()
boss, _ = User.objects.get_or_create(username="bench.manager", defaults={{"role": "team_manager", "staff": manager}})
boss.set_password("{PASSWORD}"); boss.save()
director, _ = User.objects.get_or_create(username="bench.director", defaults={{"role": "director"}})
director.set_password("{PASSWORD}"); director.save()
allocs = Allocation.objects.filter(worker=user.staff, end_date__isnull=True).select_related("child")[:20]
ids = [a.child_id for a in allocs]
print("IDS", ",".join(map(str, ids)))
first = allocs[0].child
print("TEAM", staff.team_id)
print("CHILD", first.la_person_id, first.date_of_birth.strftime("%d/%m/%Y"), first.first_name, first.last_name)
"""
    out = subprocess.run(
        [*SAFEGUARD, "manage", "shell", "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    ids = re.search(r"IDS (.*)", out)
    child = re.search(r"CHILD (\S+) (\S+) (\S+) (\S+)", out)
    team = re.search(r"TEAM (\d+)", out)
    assert ids and child and team, out
    return ids.group(1).split(","), (*child.groups(), team.group(1))


def sign_in(base: str, username: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/sign-in").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the sign-in page"
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": username, "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(
        f"{base}/sign-in", data=data, headers={"Referer": f"{base}/sign-in"}
    )
    opener.open(request).read()
    return opener


def time_page(opener: urllib.request.OpenerDirector, url: str) -> float:
    started = time.perf_counter()
    with opener.open(url) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - started) * 1000


def time_search(opener: urllib.request.OpenerDirector, base: str, words: str) -> float:
    """POST the search words and follow the redirect to the results (as the page does)."""
    page = opener.open(f"{base}/search").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "q": words}).encode()
    request = urllib.request.Request(
        f"{base}/search", data=data, headers={"Referer": f"{base}/search"}
    )
    started = time.perf_counter()
    with opener.open(request) as response:
        body = response.read().decode()
        assert response.status == 200
    elapsed = (time.perf_counter() - started) * 1000
    assert "govuk-table" in body or "No children" in body or "no children" in body, (
        "no results page"
    )
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "var" / "bench-birmingham.sqlite3")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{args.db}", "SAFEGUARD_HOME": str(ROOT)}
    child_ids, (la_id, dob, first_name, last_name, team_id) = prepare(args.db, env)

    port = free_port()
    server = subprocess.Popen(
        [*SAFEGUARD, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz").read()
                break
            except OSError:
                time.sleep(0.2)
        worker = sign_in(base, "bench.worker")
        manager = sign_in(base, "bench.manager")
        director = sign_in(base, "bench.director")
        child = lambda i: child_ids[i % len(child_ids)]  # noqa: E731
        pages = {
            "caseload (worker)": lambda i: time_page(worker, f"{base}/"),
            "child record (worker)": lambda i: time_page(worker, f"{base}/children/{child(i)}/"),
            "chronology (worker)": lambda i: time_page(
                worker, f"{base}/children/{child(i)}/chronology"
            ),
            "team (manager)": lambda i: time_page(manager, f"{base}/team"),
            "my work (worker)": lambda i: time_page(worker, f"{base}/work"),
            "team work (manager)": lambda i: time_page(manager, f"{base}/teams/{team_id}/work"),
            "service work (director)": lambda i: time_page(director, f"{base}/service"),
            "search partial name (director)": lambda i: time_search(director, base, last_name[:4]),
            "search full name (director)": lambda i: time_search(
                director, base, f"{first_name} {last_name}"
            ),
            "search LA id (director)": lambda i: time_search(director, base, la_id),
            "search birth date (director)": lambda i: time_search(director, base, dob),
        }
        print(f"{'page':<32} {'median ms':>10} {'p90 ms':>8}  (runs: {args.runs})")
        for name, run in pages.items():
            run(0)  # warm up
            times = [run(i) for i in range(args.runs)]
            p90 = statistics.quantiles(times, n=10)[-1]
            print(f"{name:<32} {statistics.median(times):>10.1f} {p90:>8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())

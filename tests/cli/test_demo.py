"""`safeguard demo --no-serve` prepares a working demo authority on the database it is given."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

pytestmark = pytest.mark.slow


@pytest.fixture
def scratch_database_url(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of the same kind the suite runs on."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'demo.sqlite3'}"
        return
    name = f"safeguard_smoke_{uuid.uuid4().hex[:8]}"
    admin = dict(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"])
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        yield f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_demo(url: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SAFEGUARD_HOME": str(home),
        "SAFEGUARD_DEMO_PASSWORD": "a-long-demo-password",
    }
    return subprocess.run(
        [sys.executable, "-m", "safeguard.cli", "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_demo_prepares_users_and_children_and_is_idempotent(
    scratch_database_url: str, tmp_path: Path
) -> None:
    first = run_demo(scratch_database_url, tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "social.worker" in first.stdout
    assert "team.manager" in first.stdout
    assert "SAFEGUARD_DEMO_PASSWORD" in first.stdout

    second = run_demo(scratch_database_url, tmp_path)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "already existed" in second.stdout

    counts = _counts(scratch_database_url)
    assert counts["children"] > 1000
    assert counts["users"] == 11  # ten demo roles and the system user
    assert counts["worker_cases"] >= 5  # the demo social worker has a caseload


def _counts(url: str) -> dict[str, int]:
    queries = {
        "children": "SELECT COUNT(DISTINCT child_id) FROM casework_cinepisode",
        "users": "SELECT COUNT(*) FROM access_user",
        "worker_cases": (
            "SELECT COUNT(*) FROM casework_allocation a JOIN access_user u ON u.staff_id = a.worker_id "
            "WHERE u.username = 'social.worker' AND a.end_date IS NULL"
        ),
    }
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return {k: conn.execute(q).fetchone()[0] for k, q in queries.items()}
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        return {k: conn.execute(q).fetchone()[0] for k, q in queries.items()}

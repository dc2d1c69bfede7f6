"""Benchmark: generate a synthetic authority and load it into a fresh SQLite database.

Usage: .venv/bin/python bench/synth_bench.py [--runs 3] [--preset demo --preset birmingham]

Each run migrates a new SQLite file in a temporary directory (in a subprocess, as
`safeguard manage migrate` would), then times `generate` and `load_authority` in this process,
each run in a fresh child process so that no run warms another's caches. Prints the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_AT = date(2025, 3, 31)


def _one_run(preset: str, years: int, seed: int) -> dict[str, float]:
    """Run in a child process: DATABASE_URL points at a migrated, empty SQLite file."""
    import django

    django.setup()
    from safeguard.synth.generator import generate
    from safeguard.web.casework.synth_loader import load_authority

    started = time.perf_counter()
    authority = generate(preset, years, seed, AS_AT)
    generated = time.perf_counter()
    counts = load_authority(authority)
    loaded = time.perf_counter()
    return {
        "generate": generated - started,
        "load": loaded - generated,
        "total": loaded - started,
        "rows": float(sum(counts.values())),
    }


def _run_in_child(preset: str, years: int, seed: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="synth-bench-") as home:
        env = {
            **os.environ,
            "SAFEGUARD_HOME": home,
            "DATABASE_URL": f"sqlite:///{home}/bench.sqlite3",
            "DJANGO_SETTINGS_MODULE": "safeguard.web.config.settings",
        }
        subprocess.run(
            [sys.executable, "-m", "django", "migrate", "-v", "0"], env=env, check=True, cwd=ROOT
        )
        out = subprocess.run(
            [sys.executable, __file__, "--child", preset, str(years), str(seed)],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--preset", action="append", choices=["demo", "birmingham", "england"])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        preset, years, seed = args.child
        print(json.dumps(_one_run(preset, int(years), int(seed))))
        return
    for preset in args.preset or ["demo", "birmingham"]:
        runs = [_run_in_child(preset, args.years, 2025 + i) for i in range(args.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in ("generate", "load", "total")}
        totals = ", ".join(f"{r['total']:.1f}" for r in runs)
        print(
            f"{preset:11s} years={args.years} runs={args.runs} rows={int(runs[0]['rows']):,} "
            f"generate={med['generate']:.1f}s load={med['load']:.1f}s total={med['total']:.1f}s "
            f"(totals: {totals})",
            flush=True,
        )


if __name__ == "__main__":
    main()

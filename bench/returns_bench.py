"""Benchmark: a whole authority's returns, end to end, as a council would run them.

Usage: .venv/bin/python bench/returns_bench.py [--preset birmingham] [--runs 3] [--as-at 2026-03-31]

In a temporary folder, each step a fresh `safeguard` process (so interpreter start and imports
count), timed by wall clock with the child's CPU time and peak memory:

1. `synth --preset P --as-at D --returns DIR`: the SSDA903 CSVs and the CIN census XML, no database.
2. `validate 903` on the CSVs (with last year's and the earlier years' Episodes), and on the same return as one XML file
   (written by `write_903_xml` from the CSVs, with SWEpisodes beside it as CSV).
3. `validate cin` on the census.
4. `synth --preset P` into a fresh SQLite database, then `export 903`, `export cin` and
   `export annex-a` from it, each validated as written.
5. `import 903` and `import cin` of the synthetic return into a second, empty database, then the
   same imports again (nothing changes the second time).

Each step but the first and the database generation is repeated `--runs` times and the median
printed; the figures go in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAFEGUARD = str(ROOT / ".venv" / "bin" / "safeguard")


def run(args: list[str], database: Path | None = None) -> tuple[float, float, float, int]:
    """Run `safeguard ARGS` and return (wall s, CPU s, peak MB, exit code)."""
    env = dict(os.environ)
    if database is not None:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        [SAFEGUARD, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if completed.returncode not in (0, 1):
        sys.exit(f"safeguard {' '.join(args)} failed:\n{completed.stderr.decode()[-2000:]}")
    return wall, cpu, after.ru_maxrss / 1024, completed.returncode


def timed(label: str, args: list[str], runs: int, database: Path | None = None) -> None:
    results = [run(args, database) for _ in range(runs)]
    walls = [r[0] for r in results]
    print(
        f"{label:<44} median {statistics.median(walls):6.2f} s  "
        f"(runs {', '.join(f'{w:.2f}' for w in walls)}; "
        f"CPU {statistics.median(r[1] for r in results):.2f} s; exit {results[-1][3]})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="birmingham")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--as-at", default="2026-03-31")
    args = parser.parse_args()
    year = args.as_at[:4] if args.as_at[5:] >= "03-31" else str(int(args.as_at[:4]) - 1)

    with tempfile.TemporaryDirectory(prefix="safeguard-returns-bench-") as folder:
        root = Path(folder)
        returns = root / "returns"
        timed(
            "synth --returns",
            ["synth", "--preset", args.preset, "--as-at", args.as_at, "--returns", str(returns)],
            1,
        )
        ssda903 = returns / "ssda903"
        current = sorted(str(p) for p in ssda903.glob("*.csv"))
        previous = sorted(str(p) for p in (ssda903 / "previous").glob("*.csv"))
        history = ["--history", *sorted(str(p) for p in (ssda903 / "history").glob("*.csv"))]
        timed(
            "validate 903 (CSV files)",
            ["validate", "903", *current, "--previous", *previous, *history, "--format", "json", "--out",
             str(root / "r.json")],
            args.runs,
        )  # fmt: skip

        sys.path.insert(0, str(ROOT / "src"))
        import polars as pl

        from safeguard.returns.ssda903.reader import TABLES
        from safeguard.returns.ssda903.xml import NOT_IN_XML, write_903_xml

        names = {name.lower(): name for name in TABLES}
        tables = {
            names[Path(p).stem.lower()]: pl.read_csv(p, infer_schema=False).fill_null("")
            for p in current
        }
        xml = write_903_xml(tables, root / "903.xml")  # leaves out what the XML cannot hold
        beside = [p for p in current if Path(p).stem.lower() in {t.lower() for t in NOT_IN_XML}]
        timed(
            "validate 903 (one XML file + SWEpisodes CSV)",
            ["validate", "903", str(xml), *beside, "--previous", *previous, *history, "--format", "json",
             "--out", str(root / "r.json")],
            args.runs,
        )  # fmt: skip
        timed(
            "validate cin",
            ["validate", "cin", str(returns / "cin.xml"), "--format", "json", "--out",
             str(root / "c.json")],
            args.runs,
        )  # fmt: skip

        database = root / "authority.sqlite3"
        timed(
            "synth into SQLite",
            ["synth", "--preset", args.preset, "--as-at", args.as_at],
            1,
            database,
        )
        for kind, out in (("903", root / "export903"), ("cin", root / "export.xml"),
                          ("annex-a", root / "annex-a.xlsx")):  # fmt: skip
            results = []
            for n in range(args.runs):
                target = out.with_name(f"{out.stem}{n}{out.suffix}")
                results.append(
                    run(["export", kind, "--year", year, "--out", str(target)], database)
                )
            walls = [r[0] for r in results]
            print(
                f"{'export ' + kind:<44} median {statistics.median(walls):6.2f} s  "
                f"(runs {', '.join(f'{w:.2f}' for w in walls)}; exit {results[-1][3]})",
                flush=True,
            )

        empty = root / "imported.sqlite3"
        run(["manage", "migrate", "--verbosity", "0"], empty)
        timed("import 903 (first time)", ["import", "903", *current], 1, empty)
        timed("import 903 (again: no change)", ["import", "903", *current], args.runs, empty)
        timed("import cin (first time)", ["import", "cin", str(returns / "cin.xml")], 1, empty)
        timed(
            "import cin (again: no change)",
            ["import", "cin", str(returns / "cin.xml")],
            args.runs,
            empty,
        )


if __name__ == "__main__":
    main()

"""Benchmark: Safeguard's validators side by side with the public ones on PyPI, on the same files.

Usage: .venv/bin/python bench/compare_validators.py [--preset demo --preset birmingham] [--runs 3]
       [--returns 903 --returns cin] [--venv var/compare-venv] [--their-timeout 900]
       [--their-runs N] [--data DIR] [--json RESULTS.json]

The public validators are data-to-insight's csc-validator-be-903 (SSDA903, imported as
`lac_validator`) and csc-validator-be-cin (CIN census, `cin_validator`), the engines behind the
"CIN and 903 validator" tool councils use. They need pandas < 2 and numpy < 1.25, so they are
installed with pip into a venv of their own (`--venv`, default var/compare-venv), never into the
project's .venv or its lockfiles. Both are pinned (`THEIR_PACKAGES`) so a re-run compares the same
code.

For each preset, `safeguard synth --preset P --as-at 2026-03-31 --returns DIR` writes the 2025/26
SSDA903 CSV files (with last year's beside them) and the CIN census XML. Each run then times, in a
fresh process each, alternating which goes first:

- Safeguard: `safeguard validate 903 FILES --previous FILES --la-code CODE --format json --out
  REPORT` (without --la-code if this version of the command has none) and `safeguard validate
  cin FILE --format json --out REPORT`;
- theirs: a driver run with their venv's Python that does what their web back end does
  (`rpc_main.lac_validate` / `cin_validate`): read the files (`process_uploaded_files`,
  `LacValidator` with collection year 2026 and the LA's code; `ElementTree`, `convert_data`,
  `process_data`, `CinValidator`), run every rule of their 2025/26 ruleset and build the issue
  table; it writes the issues as JSON.

Both times include starting Python and importing the libraries, as a user running either from the
command line would wait for them. Wall time, CPU time (user + system) and peak memory of each
process (from wait4) are reported, because the machine may be shared: CPU time is what the
validator cost.
A driver that runs past `--their-timeout` seconds is stopped and reported as such.

Then the rule codes each reported on the same files are compared: codes both report, codes only
one reports, and for codes both report, how many (rule, child) pairs agree. Disagreement is
evidence to read, not a verdict: either side may be wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAFEGUARD = ROOT / ".venv" / "bin" / "safeguard"
THEIR_PACKAGES = ("csc-validator-be-903==0.1.17", "csc-validator-be-cin==0.1.13")
AS_AT = "2026-03-31"
COLLECTION_YEAR = "2026"  # the DfE's number for 2025/26, as both tools take it
LA_ONS_CODE = {"birmingham": "E08000025", "demo": "E08000025"}

# Their 903 driver: what rpc_main.lac_validate does, with the issues written as JSON.
DRIVER_903 = r"""
import contextlib, io, json, logging, sys, time
logging.disable(logging.CRITICAL)
started = time.perf_counter()
from lac_validator import lac_validator
from lac_validator.report import Report
from lac_validator.rules.ruleset_utils import get_year_ruleset
from lac_validator.utils import process_uploaded_files
imported = time.perf_counter()
args = json.loads(sys.argv[1])
chatter = io.StringIO()
with contextlib.redirect_stdout(chatter):
    files = process_uploaded_files({"This year": args["current"], "Prev year": args["previous"]})
    registry = get_year_ruleset(args["year"])
    metadata = {"collectionYear": args["year"], "localAuthority": args["la"]}
    validator = lac_validator.LacValidator(metadata=metadata, files=files, registry=registry)
    report = Report(validator.ds_results, registry)
    issues = lac_validator.create_issue_df(report.report, report.error_report)
finished = time.perf_counter()
rows = issues[["rule_code", "tables_affected", "row_id", "child_id"]].drop_duplicates()
json.dump(
    {
        "import_seconds": imported - started,
        "validate_seconds": finished - imported,
        "rules": sorted(str(code) for code in registry),
        "done": sorted(map(str, validator.dones)),
        "skipped": sorted(map(str, validator.skips)),
        "failed": sorted(map(str, validator.fails)),
        "issues": [
            [str(r.rule_code), str(r.tables_affected), int(r.row_id), str(r.child_id)]
            for r in rows.itertuples()
        ],
    },
    open(args["out"], "w"),
)
"""

# Their CIN driver: what rpc_main.cin_validate does. A rule that raises is printed by their
# validator ("Error with rule ...") and otherwise counted as passed; the driver collects those.
DRIVER_CIN = r"""
import contextlib, io, json, logging, re, sys, time
import xml.etree.ElementTree as ET
logging.disable(logging.CRITICAL)
started = time.perf_counter()
from cin_validator import cin_validator
from cin_validator.rules.ruleset_utils import get_year_ruleset
imported = time.perf_counter()
args = json.loads(sys.argv[1])
chatter = io.StringIO()
with contextlib.redirect_stdout(chatter):
    root = ET.parse(args["file"]).getroot()
    raw = cin_validator.convert_data(root)
    read = time.perf_counter()
    data = cin_validator.process_data(raw)
    registry = get_year_ruleset(args["year"])
    validator = cin_validator.CinValidator(data, registry, None)
finished = time.perf_counter()
issues = validator.full_issue_df
rows = issues[["rule_code", "tables_affected", "row_id", "child_id"]].drop_duplicates()
failed = sorted(set(re.findall(r"Error with rule (\S+):", chatter.getvalue())))
multichild = validator.multichild_issues
json.dump(
    {
        "import_seconds": imported - started,
        "read_seconds": read - imported,
        "validate_seconds": finished - read,
        "rules": sorted(str(code) for code in registry),
        "failed": failed,
        "return_level": sorted(set(map(str, multichild["rule_code"]))) if len(multichild) else [],
        "issues": [
            [str(r.rule_code), str(r.tables_affected), str(r.row_id), str(r.child_id)]
            for r in rows.itertuples()
        ],
    },
    open(args["out"], "w"),
)
"""


@dataclass
class Timing:
    """One process: wall seconds, CPU seconds (user + system), peak RSS in MB, or a timeout."""

    wall: float
    cpu: float
    peak_mb: int
    timed_out: bool = False


@dataclass
class Side:
    """What one validator did on one return over the runs."""

    timings: list[Timing] = field(default_factory=list)
    result: dict[str, Any] = field(default_factory=dict)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(t, attribute) for t in self.timings)

    def finished(self) -> bool:
        return bool(self.timings) and not any(t.timed_out for t in self.timings)


def ensure_their_venv(venv: Path) -> Path:
    """Their venv's python, creating the venv and installing the pinned packages if needed."""
    python = venv / "bin" / "python"
    if python.exists():
        check = subprocess.run(
            [str(python), "-c", "import lac_validator, cin_validator"], capture_output=True
        )
        if check.returncode == 0:
            return python
    base = os.environ.get("COMPARE_BASE_PYTHON", "python3.11")
    subprocess.run([base, "-m", "venv", str(venv)], check=True)
    install = [str(python), "-m", "pip", "install", "--quiet", *THEIR_PACKAGES]
    done = subprocess.run(install, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(
            f"their packages could not be installed into {venv} ({' '.join(install[3:])}):\n"
            + done.stderr[-3000:]
        )
    return python


def their_versions(python: Path) -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json, sys; print(json.dumps({p: m.version(p) for p in "
        "['csc-validator-be-903', 'csc-validator-be-cin', 'pandas', 'numpy']}"
        " | {'python': sys.version.split()[0]}))"
    )
    completed = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    return dict(json.loads(completed.stdout))


def generate(preset: str, folder: Path) -> Path:
    """Write the preset's returns into `folder` (once); return the folder."""
    if not (folder / "cin.xml").exists():
        command = [str(SAFEGUARD), "synth", "--preset", preset, "--as-at", AS_AT]
        subprocess.run([*command, "--returns", str(folder)], check=True, capture_output=True)
    return folder


def timed(command: list[str], timeout: float | None = None) -> Timing:
    """Run `command` in a fresh process; its wall and CPU time and its own peak memory (from
    wait4), or a timeout after `timeout` seconds (the process is then killed)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - started > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
                wall = time.perf_counter() - started
                return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, True)
            time.sleep(0.02)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            raise SystemExit(
                f"{' '.join(command[:4])} ... exited {process.returncode}:\n"
                + errors.read().decode(errors="replace")[-3000:]
            )
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def files_903(folder: Path) -> tuple[list[str], list[str]]:
    current = sorted(str(p) for p in (folder / "ssda903").glob("*.csv"))
    previous = sorted(str(p) for p in (folder / "ssda903" / "previous").glob("*.csv"))
    return current, previous


@cache
def takes_la_code() -> bool:
    """Whether `safeguard validate` takes --la-code (the council's code, which rules 411, 1015
    and 229 need; theirs is given the same code)."""
    shown = subprocess.run([str(SAFEGUARD), "validate", "--help"], capture_output=True, text=True)
    return "--la-code" in shown.stdout


def safeguard_command(return_name: str, folder: Path, preset: str, report: Path) -> list[str]:
    if return_name == "903":
        current, previous = files_903(folder)
        paths = [*current, "--previous", *previous] if previous else current
        if takes_la_code():
            paths += ["--la-code", LA_ONS_CODE[preset]]
    else:
        paths = [str(folder / "cin.xml")]
    return [
        str(SAFEGUARD),
        "validate",
        return_name,
        *paths,
        "--format",
        "json",
        "--out",
        str(report),
    ]


def their_command(
    python: Path, return_name: str, folder: Path, preset: str, out: Path, drivers: Path
) -> list[str]:
    if return_name == "903":
        current, previous = files_903(folder)
        args = {"current": current, "previous": previous, "la": LA_ONS_CODE[preset]}
        driver = drivers / "their_903.py"
    else:
        args = {"file": str(folder / "cin.xml")}
        driver = drivers / "their_cin.py"
    args |= {"year": COLLECTION_YEAR, "out": str(out)}
    return [str(python), str(driver), json.dumps(args)]


def compare_codes(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Which rule codes each reported, and how far the (rule, child) pairs agree."""
    our_pairs = {(i["rule"], i["child"]) for i in ours["issues"]}
    their_pairs = {(code, child) for code, _table, _row, child in theirs["issues"]}
    our_counts = Counter(code for code, _ in our_pairs)
    their_counts = Counter(code for code, _ in their_pairs)
    both = sorted(set(our_counts) & set(their_counts), key=_code_order)
    agreement = {}
    for code in both:
        our_children = {c for r, c in our_pairs if r == code}
        their_children = {c for r, c in their_pairs if r == code}
        agreement[code] = {
            "ours": our_counts[code],
            "theirs": their_counts[code],
            "both": len(our_children & their_children),
            # A few children each flags alone, to look up in the files.
            "only_ours_sample": sorted(our_children - their_children)[:5],
            "only_theirs_sample": sorted(their_children - our_children)[:5],
        }
    our_ran = set(ours["rules_run"])
    return {
        "both": both,
        "agreement": agreement,
        "only_ours": {
            code: {"children": our_counts[code], "theirs_has_rule": code in set(theirs["rules"])}
            for code in sorted(set(our_counts) - set(their_counts), key=_code_order)
        },
        "only_theirs": {
            code: {
                "children": their_counts[code],
                "we_ran": code in our_ran,
                "sample": sorted(c for r, c in their_pairs if r == code)[:3],
            }
            for code in sorted(set(their_counts) - set(our_counts), key=_code_order)
        },
    }


def _code_order(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits and code[0].isdigit() else 10**9, code)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}; "
        f"load average at start {load}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", action="append", choices=["demo", "birmingham"])
    parser.add_argument("--returns", action="append", choices=["903", "cin"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--venv", type=Path, default=ROOT / "var" / "compare-venv")
    parser.add_argument("--data", type=Path, help="folder for the generated returns (kept)")
    parser.add_argument(
        "--their-timeout",
        type=float,
        default=900,
        help="seconds before one run of theirs is stopped (their CIN reader is slow)",
    )
    parser.add_argument("--their-runs", type=int, help="runs of theirs (default --runs)")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    python = ensure_their_venv(args.venv)
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {machine()}")
    print(f"theirs: {their_versions(python)}")
    everything: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "their_903.py").write_text(DRIVER_903)
        (work / "their_cin.py").write_text(DRIVER_CIN)
        data = args.data or work
        for preset in args.preset or ["demo", "birmingham"]:
            folder = generate(preset, data / preset)
            for return_name in args.returns or ["903", "cin"]:
                ours, theirs = Side(), Side()
                our_report = work / f"ours_{preset}_{return_name}.json"
                their_report = work / f"theirs_{preset}_{return_name}.json"
                our_command = safeguard_command(return_name, folder, preset, our_report)
                the_other = their_command(python, return_name, folder, preset, their_report, work)
                their_runs = args.their_runs or args.runs
                for run in range(args.runs):
                    # Alternate which goes first, so neither always meets a warm or cold cache.
                    order = ["ours", "theirs"] if run % 2 == 0 else ["theirs", "ours"]
                    for who in order:
                        if who == "ours":
                            ours.timings.append(timed(our_command))
                        elif run < their_runs and (theirs.finished() or not theirs.timings):
                            theirs.timings.append(timed(the_other, args.their_timeout))
                ours.result = json.loads(our_report.read_text())
                if theirs.finished():
                    theirs.result = json.loads(their_report.read_text())
                everything[f"{preset} {return_name}"] = summarise(preset, return_name, ours, theirs)
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))


def summarise(preset: str, return_name: str, ours: Side, theirs: Side) -> dict[str, Any]:
    """Print one return's figures and the rule comparison; return them for --json."""
    title = f"{preset} {'SSDA903' if return_name == '903' else 'CIN census'}"
    print(f"\n== {title} ==")
    our_walls = ", ".join(f"{t.wall:.2f}" for t in ours.timings)
    print(
        f"Safeguard: median {ours.median('wall'):.2f} s wall (runs {our_walls}), "
        f"{ours.median('cpu'):.2f} s CPU, peak {max(t.peak_mb for t in ours.timings):,} MB; "
        f"{len(ours.result['rules_run'])} rules run, "
        f"{len(ours.result['rules_skipped'])} skipped, {len(ours.result['rules_failed'])} failed, "
        f"{len(ours.result['issues'])} issues"
    )
    summary: dict[str, Any] = {
        "ours": {
            "walls": [t.wall for t in ours.timings],
            "cpus": [t.cpu for t in ours.timings],
            "rules_run": len(ours.result["rules_run"]),
            "rules_failed": ours.result["rules_failed"],
            "issues": len(ours.result["issues"]),
        }
    }
    if not theirs.finished():
        limit = theirs.timings[-1].wall
        print(
            f"theirs: stopped after {limit:.0f} s ({theirs.timings[-1].cpu:.0f} s CPU) without "
            f"finishing; ratio at least {limit / ours.median('wall'):.0f}x wall"
        )
        summary["theirs"] = {"timed_out_after": limit, "cpu": theirs.timings[-1].cpu}
        return summary
    their_walls = ", ".join(f"{t.wall:.2f}" for t in theirs.timings)
    result = theirs.result
    phases = ", ".join(
        f"{name} {result[f'{name}_seconds']:.2f} s"
        for name in ("import", "read", "validate")
        if f"{name}_seconds" in result
    )
    print(
        f"theirs: median {theirs.median('wall'):.2f} s wall (runs {their_walls}), "
        f"{theirs.median('cpu'):.2f} s CPU, peak {max(t.peak_mb for t in theirs.timings):,} MB "
        f"({phases}, last run); {len(result['rules'])} rules "
        f"in their ruleset, {len(result.get('skipped', []))} skipped, "
        f"{len(result['failed'])} failed {result['failed']}, {len(result['issues'])} issue rows"
    )
    ratio_wall = theirs.median("wall") / ours.median("wall")
    ratio_cpu = theirs.median("cpu") / ours.median("cpu")
    print(f"ratio (theirs / Safeguard): {ratio_wall:.1f}x wall, {ratio_cpu:.1f}x CPU")
    codes = compare_codes(ours.result, result)
    print(f"rule codes both report: {len(codes['both'])}")
    for code, counts in codes["agreement"].items():
        samples = "".join(
            f"; only {who}, e.g. {', '.join(counts[f'only_{who}_sample'])}"
            for who in ("ours", "theirs")
            if counts[f"only_{who}_sample"]
        )
        print(
            f"  {code}: children flagged by us {counts['ours']}, by them {counts['theirs']}, "
            f"by both {counts['both']}{samples}"
        )
    print(f"codes only Safeguard reports: {len(codes['only_ours'])}")
    for code, detail in codes["only_ours"].items():
        note = "" if detail["theirs_has_rule"] else " (not in their ruleset)"
        print(f"  {code}: {detail['children']} children{note}")
    print(f"codes only theirs reports: {len(codes['only_theirs'])}")
    for code, detail in codes["only_theirs"].items():
        note = "" if detail["we_ran"] else " (we did not run it)"
        print(f"  {code}: {detail['children']} children{note}, e.g. {', '.join(detail['sample'])}")
    summary["theirs"] = {
        "walls": [t.wall for t in theirs.timings],
        "cpus": [t.cpu for t in theirs.timings],
        "rules": len(result["rules"]),
        "failed": result["failed"],
        "issue_rows": len(result["issues"]),
    }
    summary["ratio_wall"] = ratio_wall
    summary["ratio_cpu"] = ratio_cpu
    summary["codes"] = codes
    return summary


if __name__ == "__main__":
    sys.exit(main())

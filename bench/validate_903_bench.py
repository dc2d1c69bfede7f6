"""Benchmark: read and validate a large synthetic SSDA903 return (CSV files) with every rule.

Usage: .venv/bin/python bench/validate_903_bench.py [--runs 3] [--size birmingham --size england
--size xlsx --size synth] [--xlsx-issues 150000] [--as-at 2026-03-31]

Writes plausible 2025/26 SSDA903 CSV files for ~3,500 children (Birmingham-size) and ~115,000
children (England-size), with last year's Header, Episodes, Missing, PlacedAdoption and OC3, into a temporary folder, generated here from a seeded random source
(episodes chained in date order, codes drawn from the year's code lists, placement providers
consistent with placements), then times `safeguard.returns.validation.validate_903` (reading
every file and running every 2025/26 rule) in a fresh child process per run, and prints the
medians, the row counts, the issues found and the peak memory of the run. The xlsx size times
`safeguard.returns.report.to_xlsx` writing a report of 150,000 issues (every 2025/26 rule's code,
type, message and fields in turn, three issues a child) in a fresh process per run.

`--size synth` times the command a user runs, `safeguard validate 903 FILES --previous FILES
--format csv --out REPORT`, on the SSDA903 files `safeguard synth --preset birmingham --as-at
DATE --returns DIR` writes (wall and CPU time of each fresh process, so interpreter start and
imports count), then splits one in-process run into reading, loading the rules and running them,
and lists the slowest rules timed one by one.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SIZES = {"birmingham": 3_500, "england": 115_000}
YEAR = "2025/26"
START = date(2025, 4, 1)
END = date(2026, 3, 31)
LAST_START = date(2024, 4, 1)
LAST_END = date(2025, 3, 31)


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _birthday(dob: date, years: int) -> date:
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:  # 29 February
        return date(dob.year + years, 2, 28)


# Placements without an Ofsted URN (rules 218, 222).
NO_URN = frozenset(
    ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"]
)
MIN_AGE = {"K3": 16, "R5": 10, "S1": 4, "P3": 14}


def _birthday_in_year(dob: date) -> date:
    """The 18th birthday if reached by 31 March, else the 17th (rule 1007)."""
    eighteenth = _birthday(dob, 18)
    return eighteenth if eighteenth <= END else _birthday(dob, 17)


def _looked_after_on(timeline: list[dict[str, Any]], day: date) -> bool:
    return any(e["start"] <= day and (e["end"] is None or e["end"] > day) for e in timeline)


def _old_enough(placement: str, dob: date, start: date) -> bool:
    return start >= _birthday(dob, MIN_AGE.get(placement, 0))


def generate(folder: Path, children: int, seed: int = 2026) -> dict[str, int]:
    """Write the SSDA903 tables for `children` children into `folder`; return rows per table."""
    from safeguard.core.codes import PLACE_WITHOUT_PROVIDER, codes_for
    from safeguard.returns.ssda903.reader import TABLES

    rng = random.Random(seed)
    place = [p for p in codes_for("PLACE", YEAR) if not p.startswith("A")]
    ethnic = list(codes_for("ETHNIC", YEAR))
    ls = ["C1", "C2", "C2", "V2", "J1"]
    cin = list(codes_for("CIN", YEAR))
    reasons = [r for r in codes_for("REASON_PLACE_CHANGE", YEAR) if r != "CUSTOD"]
    review_codes = [c for c in codes_for("REVIEW_CODE", YEAR) if c != "PN0"]
    sw_reasons = list(codes_for("SW_REASON", YEAR))
    rows: dict[str, list[dict[str, str]]] = {name: [] for name in TABLES if name != "DoLo"}
    rows["Episodes_last"] = []
    rows["Missing_last"] = []
    rows["PlacedAdoption_last"] = []

    def provider(placement: str) -> str:
        if placement in PLACE_WITHOUT_PROVIDER or placement.startswith("T"):
            return ""
        if placement == "P1":
            return "PR0"
        if placement in {"R2", "R5"}:
            return "PR3"
        return rng.choice(["PR1", "PR2", "PR4", "PR5"])

    for i in range(children):
        child = f"{100000 + i}"
        dob = date(2008, 1, 1) + timedelta(days=rng.randrange(0, 17 * 365))
        if _birthday(dob, 18) <= END:
            # Under 18 at 31 March: a young adult still looked after must be V2 in K2 (rule 359).
            dob = _birthday(dob, 1)
        dob_text = _d(dob)
        sex = rng.choice("MF")
        # Girls have the mother field completed (rule 393).
        mother = "" if sex == "M" else ("1" if dob.year < 2009 and rng.random() < 0.05 else "0")
        rows["Header"].append(
            {
                "CHILD": child,
                "SEX": sex,
                "DOB": dob_text,
                "ETHNIC": rng.choice(ethnic),
                "UPN": f"A{rng.randrange(10**11, 10**12)}",
                "MOTHER": mother,
                # Before any episode ceased (rule 625): mothers are born before 2009 and episodes
                # begin from October 2022.
                "MC_DOB": _d(_birthday(dob, 13) + timedelta(days=rng.randrange(0, 300)))
                if mother == "1"
                else "",
            }
        )
        start = max(dob + timedelta(days=1), START - timedelta(days=rng.randrange(0, 900)))
        count = rng.choice([1, 2, 2, 3, 3, 4, 5])
        temps: list[bool] = []
        for n in range(count):
            temps.append(0 < n < count - 1 and not (temps and temps[-1]) and rng.random() < 0.1)
        adopted_on: date | None = None
        decided = matched = START
        timeline: list[dict[str, Any]] = []
        for n in range(count):
            if start > END:
                break
            # Temporary placements last a week at most (rules 375, 376, 379).
            length = rng.randrange(1, 8) if temps[n] else rng.randrange(20, 400)
            ended = start + timedelta(days=length)
            is_open = ended > END or (n == count - 1 and rng.random() < 0.7)
            # A few young children leave care adopted this year (AD1; rules 601, 602).
            adopt = (
                0 < n == count - 1
                and not temps[n - 1]
                and not is_open
                and START + timedelta(days=60) <= ended < END
                and ended < _birthday(dob, 10)
                and rng.random() < 0.3
            )
            # Plausible for the child's age (rules 371-374), temporary placements only within a
            # period of care (380, 381), short breaks and justice statuses where they fit.
            allowed = [p for p in place if _old_enough(p, dob, start) and not p.startswith("T")]
            before = timeline[-1] if timeline else None
            # The reason for a new episode matches what changed (rules 434-436): P a new
            # placement only, L a new legal status only, B both.
            rne = "S" if before is None else rng.choice("PPLB")
            if temps[n]:
                rne = "P"
            elif n > 0 and temps[n - 1]:
                rne = "P"  # back to the placement before the temporary one (383)
            if adopt:
                rne = "B"
            if before is not None and rne == "L":
                placement = before["PLACE"]
            elif n > 1 and temps[n - 1]:
                placement = timeline[-2]["PLACE"]
            else:
                choices = [
                    p
                    for p in allowed
                    if before is None
                    or (p != before["PLACE"] and not (p == "P1" and before["LS"] == "V2"))
                ]
                placement = rng.choice(choices)
            if temps[n]:
                placement = rng.choice(["T0", "T1", "T2", "T3", "T4"])
            if adopt:
                # Placed for adoption with consent, not with the current carers (rules 217,
                # 390, 408), after the decision to place (551, 552).
                placement = "A4"
                # Decided after care began (334, 1003), matched before placement (331, 521).
                decided = max(timeline[0]["start"], start - timedelta(days=rng.randrange(20, 40)))
                matched = decided + (start - decided) // 2
            temporary = placement.startswith("T")
            fits = [
                code
                for code in ls
                if not (code == "J1" and start < _birthday(dob, 10))
                and not (code == "V2" and placement == "P1")
                and (before is None or rne == "P" or code != before["LS"])
            ]
            legal = before["LS"] if before is not None and rne == "P" else rng.choice(fits)
            if adopt:
                legal = "E1"  # a placement order, after the decision to place (553, 554)
            same_place = before is not None and placement == before["PLACE"]
            # An Ofsted URN for the placements that have one (rules 218, 222).
            if same_place and before is not None:
                urn = before["URN"]
            elif placement in NO_URN:
                urn = ""
            else:
                urn = f"SC{rng.randrange(100000, 999999)}"
            drawn_cin = rng.choice(cin)
            timeline.append(
                {
                    "start": start,
                    "end": None if is_open else ended,
                    "RNE": rne,
                    "URN": urn,
                    "LS": legal,
                    # One category of need for the whole period of care (rule 504); the draw is
                    # kept so the seeded sequence, and so the rest of the data, is unchanged.
                    "CIN": timeline[0]["CIN"] if timeline else drawn_cin,
                    "PLACE": placement,
                    "PLACE_PROVIDER": before["PLACE_PROVIDER"]
                    if same_place and before is not None
                    else provider(placement),
                    "REC": "X1" if n < count - 1 else ("E11" if adopt else "E13"),
                    # No reason for a change into or out of a temporary placement (rule 226).
                    "REASON_PLACE_CHANGE": ""
                    if temporary or n == count - 1 or temps[n + 1]
                    else rng.choice(reasons),
                }
            )
            if adopt:
                adopted_on = ended
            if is_open:
                break
            start = ended
        # Every child is looked after at some time in the year: a care history that ended
        # before it stays open instead.
        if timeline[-1]["end"] is not None and timeline[-1]["end"] < START:
            timeline[-1]["end"] = None
        for episode in timeline:
            # This year's return holds the episodes open at some time in the year, last year's
            # those open in the year before; an episode running past a year's end is open in it.
            for table, first, last in (
                ("Episodes", START, END),
                ("Episodes_last", LAST_START, LAST_END),
            ):
                ended_on = episode["end"]
                if episode["start"] > last or (ended_on is not None and ended_on < first):
                    continue
                still_open = ended_on is None or ended_on > last
                rows[table].append(
                    {
                        "CHILD": child,
                        "DECOM": _d(episode["start"]),
                        **{k: episode[k] for k in ("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER")},
                        "DEC": "" if still_open else _d(ended_on),
                        "REC": "" if still_open else episode["REC"],
                        "REASON_PLACE_CHANGE": "" if still_open else episode["REASON_PLACE_CHANGE"],
                        "HOME_POST": "B1 1AA",
                        "PL_POST": "B2 2BB",
                        "URN": episode["URN"],
                    }
                )
        for _ in range(rng.randrange(1, 5)):
            held = START + timedelta(days=rng.randrange(0, 365))
            rows["Reviews"].append(
                {
                    "CHILD": child,
                    "DOB": dob_text,
                    "REVIEW": _d(held),
                    "REVIEW_CODE": "PN0" if held < _birthday(dob, 4) else rng.choice(review_codes),
                }
            )
        if rng.random() < 0.2:
            began = START
            for _ in range(rng.randrange(1, 4)):
                # Periods in date order without overlapping (rule 574).
                began = began + timedelta(days=rng.randrange(0, 100))
                came_back = began + timedelta(days=rng.randrange(0, 10))
                kind = rng.choice("MA")
                if not any(
                    e["start"] <= began and (e["end"] is None or began <= e["end"])
                    for e in timeline
                ):
                    # Only while looked after (rule 578).
                    began = came_back
                    continue
                rows["Missing"].append(
                    {
                        "CHILD": child,
                        "DOB": dob_text,
                        "MISSING": kind,
                        "MIS_START": _d(began),
                        "MIS_END": _d(came_back),
                    }
                )
                # Last year's return: the same closed periods a year earlier (rule 576).
                rows["Missing_last"].append(
                    {
                        **rows["Missing"][-1],
                        "MIS_START": _d(began - timedelta(days=365)),
                        "MIS_END": _d(came_back - timedelta(days=365)),
                    }
                )
                began = came_back
        # OC2 for the children looked after continuously for 12 months at 31 March (rules 185-191,
        # 543-546), care leaver data only for others (187).
        in_year = [e for e in timeline if e["end"] is None or e["end"] >= START]
        continuous = not any(
            (e["RNE"] == "S" and e["start"] > START)
            or (e["end"] is not None and e["end"] <= END and e["REC"] != "X1")
            for e in in_year
        )
        if continuous:
            rows["OC2"].append(
                {
                    "CHILD": child,
                    "DOB": dob_text,
                    # SDQ only for 4- to 16-year-olds (rules 188, 189).
                    "SDQ_SCORE": str(rng.randrange(0, 41))
                    if _birthday(dob, 4) <= END and _birthday(dob, 17) > START
                    else "",
                    "SDQ_REASON": "",
                    "CONVICTED": "0" if _birthday(dob, 10) <= END else "",
                    "HEALTH_CHECK": "1" if _birthday(dob, 5) > END else "",
                    "IMMUNISATIONS": "1",
                    "TEETH_CHECK": "1",
                    "HEALTH_ASSESSMENT": "1",
                    "SUBSTANCE_MISUSE": "0",
                    "INTERVENTION_RECEIVED": "",
                    "INTERVENTION_OFFERED": "",
                }
            )
        elif (
            _birthday(dob, 17) <= END
            and _birthday(dob, 22) > START
            and rng.random() < 0.5
            # Not for a 17- or 18-year-old looked after on that birthday this year (rule 1007).
            and not _looked_after_on(timeline, _birthday_in_year(dob))
        ):
            rows["OC3"].append(
                {
                    "CHILD": child,
                    "DOB": dob_text,
                    "IN_TOUCH": "YES",
                    "ACTIV": rng.choice(["F1", "P1", "G4"]),
                    "ACCOM": rng.choice(["B1", "C2", "S2"]),
                }
            )
        if adopted_on is not None:
            rows["AD1"].append(
                {
                    "CHILD": child,
                    "DOB": dob_text,
                    "DATE_INT": _d(decided),
                    "DATE_MATCH": _d(matched),
                    "FOSTER_CARE": "0",
                    "NB_ADOPTR": "2",
                    "SEX_ADOPTR": "MF",
                    "LS_ADOPTR": "L11",
                }
            )
            rows["PlacedAdoption"].append(
                {
                    "CHILD": child,
                    "DOB": dob_text,
                    "DATE_PLACED": _d(decided),
                    "DATE_PLACED_CEASED": "",
                    "REASON_PLACED_CEASED": "",
                }
            )
            if decided <= LAST_END:
                # A decision made last year was in last year's return too (rules 560, 561, 584).
                rows["PlacedAdoption_last"].append(dict(rows["PlacedAdoption"][-1]))
        if timeline[0]["start"] >= START:
            # Children starting care this year have previous permanence recorded (rule 630).
            rows["PrevPerm"].append(
                {"CHILD": child, "DOB": dob_text, "PREV_PERM": "Z1", "LA_PERM": "", "DATE_PERM": ""}
            )
        # UASC children are 11 or older at 31 March (rule 231); the draw is kept either way.
        if rng.random() < 0.05 and _birthday(dob, 11) <= END:
            rows["UASC"].append({"CHILD": child, "SEX": sex, "DOB": dob_text, "DUC": ""})
        sw_start = START - timedelta(days=rng.randrange(0, 200))
        sw_count = rng.randrange(1, 4)
        for n in range(sw_count):
            sw_end = sw_start + timedelta(days=rng.randrange(30, 200))
            last = n == sw_count - 1 or sw_end > END
            if not last and sw_end < START:
                # An episode ending before the reporting year is not returned (SW07STG2).
                sw_start = sw_end
                continue
            rows["SWEpisodes"].append(
                {
                    "CHILD": child,
                    "DOB": dob_text,
                    "SW_ID": f"SW{rng.randrange(1000, 9999)}",
                    "SW_DECOM": _d(sw_start),
                    "SW_DEC": "" if last else _d(sw_end),
                    "SW_REASON": rng.choice(sw_reasons),
                }
            )
            if last:
                break
            sw_start = sw_end
    folder.mkdir(parents=True, exist_ok=True)
    last_year = rows.pop("Episodes_last")
    missing_last_year = rows.pop("Missing_last")
    adoption_last_year = rows.pop("PlacedAdoption_last")
    for name, table_rows in rows.items():
        _write(folder / f"{name.lower()}.csv", TABLES[name], table_rows)
    # Last year's Header (the same children, unchanged) and episodes, for the cross-year rules.
    _write(folder / "previous" / "header.csv", TABLES["Header"], rows["Header"])
    _write(folder / "previous" / "episodes.csv", TABLES["Episodes"], last_year)
    _write(folder / "previous" / "missing.csv", TABLES["Missing"], missing_last_year)
    _write(folder / "previous" / "placedadoption.csv", TABLES["PlacedAdoption"], adoption_last_year)
    # Last year's OC3: the same care leavers, none reported dead (rule 348).
    _write(folder / "previous" / "oc3.csv", TABLES["OC3"], rows["OC3"])
    # Last year's UASC: the same children, still UASC (rules 205A-205D).
    _write(folder / "previous" / "uasc.csv", TABLES["UASC"], rows["UASC"])
    counts = {name: len(table_rows) for name, table_rows in rows.items()}
    counts["Header_last"] = len(rows["Header"])
    counts["Episodes_last"] = len(last_year)
    counts["Missing_last"] = len(missing_last_year)
    counts["PlacedAdoption_last"] = len(adoption_last_year)
    counts["OC3_last"] = len(rows["OC3"])
    counts["UASC_last"] = len(rows["UASC"])
    return counts


def _write(path: Path, columns: tuple[str, ...], table_rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(table_rows)


def _one_run(folder: str) -> dict[str, float]:
    from safeguard.returns.validation import validate_903

    paths = sorted(Path(folder).glob("*.csv"))
    previous = sorted(Path(folder).glob("previous/*.csv"))
    started = time.perf_counter()
    _, result = validate_903(paths, previous, year=YEAR)
    elapsed = time.perf_counter() - started
    return {
        "seconds": elapsed,
        "rules_run": len(result.rules_run),
        "rules_skipped": len(result.rules_skipped),
        "rules_failed": len(result.rules_failed),
        "issues": result.issues.height,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _profile_run(folder: str) -> dict[str, object]:
    """Split one in-process validation of `folder` (a `synth --returns` folder) into reading,
    loading the rules and running them, and time each rule on its own (a second pass, warm)."""
    started = time.perf_counter()
    from safeguard.returns.engine import catalogue_for, rules_for, run_rule, validate
    from safeguard.returns.ssda903.reader import read_903

    imported = time.perf_counter()
    paths = sorted(Path(folder).glob("ssda903/*.csv"))
    previous = sorted(Path(folder).glob("ssda903/previous/*.csv"))
    submission = read_903(paths, previous)
    read = time.perf_counter()
    rules = rules_for("ssda903", submission.year)
    loaded = time.perf_counter()
    result = validate(submission, rules, catalogue_for("ssda903", submission.year))
    validated = time.perf_counter()
    per_rule = []
    for rule in rules:
        if rule.code not in result.rules_run:
            continue
        begun = time.perf_counter()
        run_rule(rule, submission)
        per_rule.append((time.perf_counter() - begun, rule.code))
    per_rule.sort(reverse=True)
    return {
        "import": imported - started,
        "read": read - imported,
        "load_rules": loaded - read,
        "validate": validated - loaded,
        "rules_second_pass": sum(t for t, _ in per_rule),
        "slowest": per_rule[:15],
        "rows": sum(frame.height for frame in submission.tables.values()),
        "children": submission.tables["Header"].height,
        "rules_run": len(result.rules_run),
        "issues": result.issues.height,
    }


def measured(command: list[str]) -> tuple[float, float, int, str]:
    """Run `command`; its wall seconds, CPU seconds, peak memory in MB (its own `ru_maxrss`,
    from wait4, not the largest of all children so far) and last line of standard error."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode(errors="replace").strip()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[:3])} ... failed:\n{text}")
    lines = text.splitlines()
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss // 1024,
        lines[-1] if lines else "",
    )


def _bench_synth(runs: int, as_at: str) -> None:
    """`safeguard validate 903` on the Birmingham preset's own SSDA903 files, as a user runs it."""
    safeguard = ROOT / ".venv" / "bin" / "safeguard"
    with tempfile.TemporaryDirectory() as tmp:
        command = [str(safeguard), "synth", "--preset", "birmingham", "--as-at", as_at]
        subprocess.run([*command, "--returns", tmp], check=True, capture_output=True)
        paths = sorted(str(p) for p in Path(tmp).glob("ssda903/*.csv"))
        previous = sorted(str(p) for p in Path(tmp).glob("ssda903/previous/*.csv"))
        validate = [str(safeguard), "validate", "903", *paths]
        history = sorted(str(p) for p in Path(tmp).glob("ssda903/history/*.csv"))
        if previous:
            validate += ["--previous", *previous]
        if history:
            validate += ["--history", *history]
        validate += ["--format", "csv", "--out", str(Path(tmp) / "report.csv")]
        walls, cpus = [], []
        peak = 0
        for _ in range(runs):
            wall, cpu, rss, summary = measured(validate)
            walls.append(wall)
            cpus.append(cpu)
            peak = max(peak, rss)
        profile = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--profile-child", tmp],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
    each = ", ".join(f"{w:.2f}" for w in walls)
    print(
        f"synth birmingham (as at {as_at}): {profile['children']:,} children, "
        f"{profile['rows']:,} rows; `safeguard validate 903` median of {runs}: "
        f"{statistics.median(walls):.2f} s wall (runs: {each}), "
        f"{statistics.median(cpus):.2f} s CPU; peak memory {peak:,} MB; {summary}\n"
        f"  in one process: import {profile['import']:.2f} s, read {profile['read']:.3f} s, "
        f"load rules {profile['load_rules']:.3f} s, run {profile['rules_run']} rules "
        f"{profile['validate']:.3f} s (second pass {profile['rules_second_pass']:.3f} s)\n"
        "  slowest rules (second pass): "
        + ", ".join(f"{code} {seconds * 1000:.1f} ms" for seconds, code in profile["slowest"])
    )


def _xlsx_run(issues: int) -> dict[str, float]:
    """Time the xlsx report for `issues` issues: every 2025/26 rule's code, type, message and
    fields in turn, three issues a child, with a value per field."""
    import polars as pl

    from safeguard.returns import report
    from safeguard.returns.engine import Result, rules_for

    rules = rules_for("ssda903", YEAR)
    per_rule = pl.DataFrame(
        {
            "rule": [r.code for r in rules],
            "type": [r.type for r in rules],
            "table": [r.tables[0] for r in rules],
            "fields": [list(r.fields) for r in rules],
            "message": [r.message for r in rules],
        }
    )
    frame = (
        pl.DataFrame({"i": range(issues)})
        .with_columns((pl.col("i") % len(rules)).alias("k"))
        .join(per_rule.with_row_index("k").with_columns(pl.col("k").cast(pl.Int64)), on="k")
        .sort("i")
        .select(
            "rule",
            "type",
            pl.format("C{}", pl.col("i") // 3).alias("child"),
            "table",
            (pl.col("i") + 2).alias("row"),
            "fields",
            pl.col("fields").list.eval(pl.lit("X1")).alias("values"),
            "message",
        )
    )
    result = Result(YEAR, tuple(r.code for r in rules), (), (), frame)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.xlsx"
        started = time.perf_counter()
        report.to_xlsx(result, "SSDA903", out)
        elapsed = time.perf_counter() - started
        size_mb = out.stat().st_size / 1e6
    return {
        "seconds": elapsed,
        "issues": float(frame.height),
        "file_mb": size_mb,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _bench_xlsx(issues: int, runs: int) -> None:
    timings = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--xlsx-child", str(issues)],
            check=True,
            capture_output=True,
            text=True,
        )
        timings.append(json.loads(out.stdout))
    median = statistics.median(r["seconds"] for r in timings)
    each = ", ".join(f"{r['seconds']:.2f}" for r in timings)
    print(
        f"xlsx report: {issues:,} issues, write median of {runs}: {median:.2f} s "
        f"(runs: {each}); file {timings[-1]['file_mb']:.1f} MB; "
        f"peak memory {max(r['peak_mb'] for r in timings):,.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", action="append", choices=[*sorted(SIZES), "xlsx", "synth"])
    parser.add_argument(
        "--as-at", default="2026-03-31", help="the synthetic authority's date for --size synth"
    )
    parser.add_argument(
        "--xlsx-issues", type=int, default=150_000, help="issues in the xlsx report benchmark"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--xlsx-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile_child:
        print(json.dumps(_profile_run(args.profile_child)))
        return 0
    if args.child:
        print(json.dumps(_one_run(args.child)))
        return 0
    if args.xlsx_child:
        print(json.dumps(_xlsx_run(args.xlsx_child)))
        return 0
    for size in args.size or ["birmingham", "england", "xlsx", "synth"]:
        if size == "synth":
            _bench_synth(args.runs, args.as_at)
            continue
        if size == "xlsx":
            _bench_xlsx(args.xlsx_issues, args.runs)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            counts = generate(Path(tmp), SIZES[size])
            runs = []
            for _ in range(args.runs):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", tmp],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                runs.append(json.loads(out.stdout))
            median = statistics.median(r["seconds"] for r in runs)
            last = runs[-1]
            timings = ", ".join(f"{r['seconds']:.2f}" for r in runs)
            print(
                f"{size}: {SIZES[size]:,} children, {sum(counts.values()):,} rows "
                f"({', '.join(f'{k} {v:,}' for k, v in counts.items())})\n"
                f"  read + validate, median of {args.runs}: {median:.2f} s "
                f"(runs: {timings})\n"
                f"  rules run {last['rules_run']:.0f}, skipped {last['rules_skipped']:.0f}, "
                f"failed {last['rules_failed']:.0f}; issues {last['issues']:,.0f}; "
                f"peak memory {max(r['peak_mb'] for r in runs):,.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

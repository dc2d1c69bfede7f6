"""Benchmark: stream-read and validate a synthetic CIN census XML file with the 2025/26 rules.

Usage: .venv/bin/python bench/cin_read_bench.py [--children 20000 --children 200000] [--runs 3]
       .venv/bin/python bench/cin_read_bench.py --england [--england-children 700000] [--runs 3]

Default: writes a CIN census file (one CIN episode, assessment and child protection plan per
child; one in three children with two disabilities; one in five with assessment factors 1A, 3B
and 21, which rule 8869 flags, so the report path is exercised) to a temporary folder, then runs
`safeguard validate cin FILE --format json --out REPORT` in a fresh process per run and prints the
median wall time, CPU time and the peak memory (maximum resident set size) of the runs.

`--england`: an England-size file (about 700,000 children) made from the synthetic authority.
Generating England with `safeguard synth --preset england` takes many minutes, so instead the
Birmingham preset's CIN census (`safeguard synth --preset birmingham --as-at 2026-03-31
--returns DIR`, about 23,000 children with whole journeys) is written once and its <Child>
elements are repeated, as text, until the file holds `--england-children` children. Each copy gets
new identifiers so the return stays one of distinct children: copy k (k = 0, 1, ...) puts k in
front of each LAchildID ("C00001048" becomes "07C00001048" in copy 7; copy 0 keeps the
original), and each UPN becomes the copy's LA code (330 in copy 0, another English authority's
in each other copy) and the original's last nine digits (moved to the next free number where two
originals share them), with the check letter worked out again, so UPNs stay unique and valid (CIN
rules 1510, 1520, 1530).
Dates, codes and everything else are the generator's, so the same rules fire in each copy.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>330</LEA></Source>
  </Header>
  <Children>
"""
CHILD = """    <Child>
      <ChildIdentifiers>
        <LAchildID>C{n}</LAchildID>
        <PersonBirthDate>2015-05-01</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
{disabilities}
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-06-01</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2025-06-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
{factors}
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-07-01</CPPstartDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2025-09-01</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
"""


def write_file(path: Path, children: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for n in range(children):
            disabilities = ("MOB", "AUT") if n % 3 == 0 else ("NONE",)
            factors = ("1A", "3B", "21") if n % 5 == 0 else ("4A",)
            handle.write(
                CHILD.format(
                    n=n,
                    disabilities="\n".join(f"<Disability>{d}</Disability>" for d in disabilities),
                    factors="\n".join(
                        f"<AssessmentFactors>{f}</AssessmentFactors>" for f in factors
                    ),
                )
            )
        handle.write("  </Children>\n</Message>\n")


_CHILD_ID = re.compile(r"<LAchildID>([^<]*)</LAchildID>")
_UPN = re.compile(r"<UPN>([A-Z])(\d{3})(\d{9})</UPN>")


def _other_la_codes() -> list[str]:
    """Three-digit codes of English authorities other than Birmingham (330), in code order."""
    from safeguard.core.codes import ENGLISH_LA_CODES

    return sorted(code for code in ENGLISH_LA_CODES if code != "330")


def _upn(body: str) -> str:
    """A UPN for the 12 digits `body`, with the DfE's check letter in front."""
    from safeguard.core.codes import UPN_CHECK_LETTERS

    weighted = sum(int(digit) * weight for weight, digit in enumerate(body, start=2))
    return UPN_CHECK_LETTERS[weighted % 23] + body


def write_england(path: Path, children: int, source: Path) -> int:
    """Write `children` children to `path` by repeating `source`'s, with new identifiers (see
    the module docstring); return the number of copies (the last may be partial)."""
    text = source.read_text(encoding="utf-8")
    head, rest = text.split("<Children>", 1)
    body, tail = rest.rsplit("</Children>", 1)
    blocks = re.findall(r"<Child>.*?</Child>\s*", body, flags=re.DOTALL)
    la_codes = _other_la_codes()
    # Copies take the LA code out of the UPN and put another in, so each original's last nine
    # digits must be unique for the copies' UPNs to be; move a repeated one to the next free.
    tails: dict[str, str] = {}
    taken: set[str] = set()
    for match in _UPN.finditer(body):
        number = int(match[3])
        while f"{number:09d}" in taken:
            number = (number + 1) % 10**9
        tails[match[0]] = f"{number:09d}"
        taken.add(tails[match[0]])
    copies = -(-children // len(blocks))
    if copies > len(la_codes) + 1:
        raise SystemExit(f"at most {(len(la_codes) + 1) * len(blocks):,} children from {source}")
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head + "<Children>")
        for copy in range(copies):
            prefix = "" if copy == 0 else f"{copy:02d}"
            la = "330" if copy == 0 else la_codes[copy - 1]
            take = blocks[: children - written]
            chunk = "".join(take)
            if copy:
                chunk = _CHILD_ID.sub(rf"<LAchildID>{prefix}\g<1></LAchildID>", chunk)
            chunk = _UPN.sub(lambda m, la=la: f"<UPN>{_upn(la + tails[m[0]])}</UPN>", chunk)
            handle.write(chunk)
            written += len(take)
        handle.write("</Children>" + tail)
    return copies


def birmingham_cin(folder: Path) -> Path:
    """The Birmingham preset's CIN census for 2025/26, written into `folder` (once)."""
    path = folder / "cin.xml"
    if not path.exists():
        command = [str(ROOT / ".venv" / "bin" / "safeguard"), "synth", "--preset", "birmingham"]
        command += ["--as-at", "2026-03-31", "--returns", str(folder)]
        subprocess.run(command, check=True, capture_output=True)
    return path


def run_once(path: Path, report: Path) -> tuple[float, float, int, str]:
    """(seconds, CPU seconds, peak RSS in MB, the command's summary line) of one
    `safeguard validate cin` in a fresh process; the peak is that process's own (wait4)."""
    command = [sys.executable, "-m", "safeguard.cli", "validate", "cin", str(path)]
    command += ["--format", "json", "--out", str(report)]
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        errors.seek(0)
        text = errors.read().decode(errors="replace").strip()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(text)
    summary = text.splitlines()
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, summary[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, action="append")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--england", action="store_true", help="England-size, see above")
    parser.add_argument("--england-children", type=int, default=700_000)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        files: list[tuple[int, Path]] = []
        if args.england:
            path = folder / f"cin_england_{args.england_children}.xml"
            if not path.exists():
                started = time.perf_counter()
                source = birmingham_cin(folder / "birmingham")
                copies = write_england(path, args.england_children, source)
                print(
                    f"wrote {path.name}: {copies} copies of {source} in "
                    f"{time.perf_counter() - started:.1f} s"
                )
            files.append((args.england_children, path))
        else:
            for children in args.children or [20_000, 200_000]:
                path = folder / f"cin_{children}.xml"
                write_file(path, children)
                files.append((children, path))
        for children, path in files:
            size = path.stat().st_size / 1024**2
            times, cpus = [], []
            peak = 0
            summary = ""
            for _ in range(args.runs):
                elapsed, cpu, rss, summary = run_once(path, folder / "report.json")
                times.append(elapsed)
                cpus.append(cpu)
                peak = max(peak, rss)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(
                f"{children:,} children ({size:,.0f} MB): median {statistics.median(times):.2f} s "
                f"(runs {runs}), CPU {statistics.median(cpus):.2f} s; peak RSS {peak:,} MB "
                f"; {summary}"
            )


if __name__ == "__main__":
    main()

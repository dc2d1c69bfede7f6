"""Benchmark: stream-read and validate a synthetic CIN census XML file with the 2025/26 rules.

Usage: .venv/bin/python bench/cin_read_bench.py [--children 20000 --children 200000] [--runs 3]

Writes a CIN census file (one CIN episode, assessment and child protection plan per child; one in
three children with two disabilities; one in five with assessment factors 1A, 3B and 21, which
rule 8869 flags, so the report path is exercised) to a temporary folder, then runs
`safeguard validate cin FILE --format json --out REPORT` in a fresh process per run and prints the
median wall time and the peak memory (maximum resident set size) of the runs.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def run_once(path: Path, report: Path) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one `safeguard validate cin` in a fresh process."""
    command = [sys.executable, "-m", "safeguard.cli", "validate", "cin", str(path)]
    command += ["--format", "json", "--out", str(report)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        raise SystemExit(completed.stderr.decode())
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, action="append")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for children in args.children or [20_000, 200_000]:
            path = Path(folder) / f"cin_{children}.xml"
            write_file(path, children)
            size = path.stat().st_size / 1024**2
            times = []
            peak = 0
            for _ in range(args.runs):
                elapsed, rss = run_once(path, Path(folder) / "report.json")
                times.append(elapsed)
                peak = max(peak, rss)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(
                f"{children:,} children ({size:,.0f} MB): median {statistics.median(times):.2f} s "
                f"(runs {runs}); peak RSS {peak:,} MB (largest child process so far)"
            )


if __name__ == "__main__":
    main()

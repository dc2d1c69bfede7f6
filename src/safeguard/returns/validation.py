"""Validate a return end to end: read the files, run the year's rules, write the report.

Exit codes (shared with the `safeguard` command): 0 no issues, 1 issues found, 2 the input could
not be used (the message names the file and why).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO

from safeguard.returns import report
from safeguard.returns.engine import Result, catalogue_for, rules_for, validate
from safeguard.returns.ssda903.reader import Return903, UnusableInput, read_903

EXIT_OK: Final = 0
EXIT_ISSUES: Final = 1
EXIT_UNUSABLE: Final = 2


def collection_year_label(year_ending: int) -> str:
    """The DfE's year number (2026, the year ending 31 March 2026) as "2025/26"."""
    return f"{year_ending - 1}/{year_ending % 100:02d}"


def validate_903(
    paths: Sequence[Path | str], previous: Sequence[Path | str] = (), year: str | None = None
) -> tuple[Return903, Result]:
    """Read and validate an SSDA903 return with every rule in force for its year.

    Raises UnusableInput for files that cannot be used or a year no rules are held for.
    """
    submission = read_903(paths, previous=previous, year=year)
    try:
        rules = rules_for("ssda903", submission.year)
    except ValueError as exc:
        raise UnusableInput(None, str(exc)) from None
    catalogue = catalogue_for("ssda903", submission.year)
    return submission, validate(submission, rules, catalogue)


def validate_903_command(
    *,
    paths: Sequence[Path],
    previous: Sequence[Path],
    year: int | None,
    output_format: str,
    out: Path | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """`safeguard validate 903`: write the report and return the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    if output_format == "xlsx" and out is None:
        print("safeguard validate: --format xlsx needs --out FILE", file=stderr)
        return EXIT_UNUSABLE
    label = None if year is None else collection_year_label(year)
    try:
        submission, result = validate_903(paths, previous, label)
    except UnusableInput as exc:
        print(f"safeguard validate: unusable input: {exc}", file=stderr)
        return EXIT_UNUSABLE
    text: str | None
    if output_format == "xlsx" and out is not None:
        report.to_xlsx(result, "SSDA903", out, submission.files)
        text = None
    elif output_format == "json":
        text = report.to_json(result, "SSDA903", dict(submission.files))
    elif output_format == "csv":
        text = report.to_csv(result)
    else:
        text = report.to_table(result, "SSDA903")
        if submission.year_inferred:
            text = (
                f"(collection year inferred from the files' dates; give --year to set it)\n{text}"
            )
    if out is None:
        stdout.write(text or "")
    else:
        if text is not None:
            out.write_text(text, encoding="utf-8")
        print(
            f"{result.issues.height} issue(s) from {len(result.rules_run)} rules; "
            f"report written to {out}",
            file=stderr,
        )
    if result.rules_failed:
        print(
            f"warning: {len(result.rules_failed)} rule(s) failed to run: "
            + ", ".join(f.code for f in result.rules_failed),
            file=stderr,
        )
    return EXIT_ISSUES if result.issues.height else EXIT_OK

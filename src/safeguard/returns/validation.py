"""Validate a return end to end: read the files, run the year's rules, write the report.

Exit codes (shared with the `safeguard` command): 0 no issues, 1 issues found, 2 the input could
not be used (the message names the file and why).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, TextIO

from safeguard.returns import report
from safeguard.returns.cin.reader import ReturnCIN, UnusableCIN, read_cin
from safeguard.returns.engine import Result, catalogue_for, rules_for, validate
from safeguard.returns.ssda903.reader import Return903, UnusableInput, read_903

EXIT_OK: Final = 0
EXIT_ISSUES: Final = 1
EXIT_UNUSABLE: Final = 2


def collection_year_label(year_ending: int) -> str:
    """The DfE's year number (2026, the year ending 31 March 2026) as "2025/26"."""
    return f"{year_ending - 1}/{year_ending % 100:02d}"


def validate_903(
    paths: Sequence[Path | str],
    previous: Sequence[Path | str] = (),
    year: str | None = None,
    *,
    la_code: str | None = None,
    providers: Path | str | None = None,
    history: Sequence[Path | str] = (),
) -> tuple[Return903, Result]:
    """Read and validate an SSDA903 return with every rule in force for its year.

    `la_code` (the council's LA code) and `providers` (an Ofsted provider file) let the rules that
    need them run (see read_903); without them those rules are reported as skipped. `history`
    (earlier years' Episodes files) lets rules 1000, 1001, 1002 and 199 see care before last
    year's collection; without it they look at this year and last, as the DfE's tool does.
    Raises UnusableInput for files that cannot be used or a year no rules are held for.
    """
    submission = read_903(
        paths,
        previous=previous,
        year=year,
        la_code=la_code,
        providers=providers,
        history=history,
    )
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
    la_code: str | None = None,
    providers: Path | None = None,
    history: Sequence[Path] = (),
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
        submission, result = validate_903(
            paths, previous, label, la_code=la_code, providers=providers, history=history
        )
    except UnusableInput as exc:
        print(f"safeguard validate: unusable input: {exc}", file=stderr)
        return EXIT_UNUSABLE
    if not submission.rows_are_lines:
        # Only an XML file can put rows on a shared line; name it (or the XML files given).
        xml_files = sorted({str(p) for p in (*paths, *previous) if p.suffix.lower() == ".xml"})
        which = xml_files[0] if len(xml_files) == 1 else f"one of {', '.join(xml_files)}"
        print(
            f"note: {which} puts several elements on one line, so each issue's row in that "
            "file is the element's position in its table (1 = first), not a line number",
            file=stderr,
        )
    return _report(
        result,
        "SSDA903",
        submission.files,
        year_inferred=submission.year_inferred,
        output_format=output_format,
        out=out,
        stdout=stdout,
        stderr=stderr,
    )


def validate_cin(path: Path | str, year: str | None = None) -> tuple[ReturnCIN, Result]:
    """Read and validate a CIN census return with every rule in force for its year.

    Raises UnusableCIN for a file that cannot be used or a year no rules are held for.
    """
    submission = read_cin(path, year=year)
    try:
        rules = rules_for("cin", submission.year)
    except ValueError as exc:
        raise UnusableCIN(path, str(exc)) from None
    catalogue = catalogue_for("cin", submission.year)
    return submission, validate(submission, rules, catalogue)


def validate_cin_command(
    *,
    paths: Sequence[Path],
    year: int | None,
    output_format: str,
    out: Path | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """`safeguard validate cin`: write the report and return the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    if output_format == "xlsx" and out is None:
        print("safeguard validate: --format xlsx needs --out FILE", file=stderr)
        return EXIT_UNUSABLE
    if len(paths) != 1:
        print("safeguard validate: a CIN census is one XML file; give one PATH", file=stderr)
        return EXIT_UNUSABLE
    label = None if year is None else collection_year_label(year)
    try:
        submission, result = validate_cin(paths[0], label)
    except UnusableCIN as exc:
        print(f"safeguard validate: unusable input: {exc}", file=stderr)
        return EXIT_UNUSABLE
    if not submission.rows_are_lines:
        print(
            f"note: {paths[0]} puts several elements on one line, so each issue's row is the "
            "element's position in its table (1 = first), not a line number",
            file=stderr,
        )
    if submission.schema_value_errors:
        # Values outside the XSD's code lists and formats are what the DfE rules report; say how
        # many the schema saw, so a value no rule checks yet is not silently passed.
        print(
            f"note: {submission.schema_value_error_count} value(s) fail the CIN XSD's code lists "
            f"or formats; first: {submission.schema_value_errors[0]}",
            file=stderr,
        )
    return _report(
        result,
        "CIN census",
        {"CIN census": str(paths[0])},
        year_inferred=submission.year_inferred,
        output_format=output_format,
        out=out,
        stdout=stdout,
        stderr=stderr,
    )


def _report(
    result: Result,
    return_name: str,
    files: Mapping[str, str],
    *,
    year_inferred: bool,
    output_format: str,
    out: Path | None,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Write `result` in `output_format` to `out` or stdout; return the exit code."""
    text: str | None
    if output_format == "xlsx" and out is not None:
        report.to_xlsx(result, return_name, out, files)
        text = None
    elif output_format == "json":
        text = report.to_json(result, return_name, dict(files))
    elif output_format == "csv":
        text = report.to_csv(result)
    else:
        text = report.to_table(result, return_name)
        if year_inferred:
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

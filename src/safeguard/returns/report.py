"""Validation reports: JSON, a human-readable table grouped by rule, and CSV.

JSON: {"return", "year", "rules_run", "rules_skipped", "rules_failed", "rules_not_implemented",
"issues"}, each issue with rule, type, child, table, row (the line in the file, header = line 1),
fields, values and message. No rule of the year's DfE catalogue goes unmentioned: each is run,
skipped, failed or not implemented, in every format (CSV lists the last three after the issues,
with type "skipped", "failed" or "not implemented" and the reason or DfE message).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import polars as pl
import xlsxwriter  # type: ignore[import-untyped]  # XlsxWriter ships no type hints

from safeguard.returns.engine import Result


def as_dict(
    result: Result, return_name: str, files: dict[str, str] | None = None
) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    issues = []
    for rule, kind, child, table, row, fields, values, message in result.issues.iter_rows():
        issues.append(
            {
                "rule": rule,
                "type": kind,
                "child": child,
                "table": table,
                "row": row,
                "fields": fields,
                "values": values,
                "message": message,
            }
        )
    return {
        "return": return_name,
        "year": result.year,
        "files": files or {},
        "rules_run": list(result.rules_run),
        "rules_skipped": [
            {
                "rule": s.code,
                "missing_tables": list(s.missing_tables),
                "missing_columns": list(s.missing_columns),
                "needs": s.needs,
            }
            for s in result.rules_skipped
        ],
        "rules_failed": [{"rule": f.code, "reason": f.reason} for f in result.rules_failed],
        "rules_not_implemented": [
            {"rule": e.code, "message": e.message} for e in result.rules_not_implemented
        ],
        "issues": issues,
    }


def to_json(result: Result, return_name: str, files: dict[str, str] | None = None) -> str:
    return json.dumps(as_dict(result, return_name, files), ensure_ascii=False, indent=1)


CSV_COLUMNS = ("rule", "type", "child", "table", "row", "fields", "values", "message")


def to_csv(result: Result) -> str:
    """One line per issue; fields and values joined with "; " in the same order. Then one line per
    rule not run: type "skipped" (message: what it needs), "failed" (the reason) or "not
    implemented" (the DfE message)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rule, kind, child, table, row, fields, values, message in result.issues.iter_rows():
        writer.writerow(
            [
                rule,
                kind,
                child or "",
                table,
                row,
                "; ".join(fields),
                "; ".join("" if v is None else v for v in values),
                message,
            ]
        )
    for skipped in result.rules_skipped:
        writer.writerow(
            [
                skipped.code,
                "skipped",
                "",
                "",
                "",
                "",
                "",
                f"needs {skipped.needs}",
            ]
        )
    for failed in result.rules_failed:
        writer.writerow([failed.code, "failed", "", "", "", "", "", failed.reason])
    for entry in result.rules_not_implemented:
        writer.writerow(
            [entry.code, "not implemented", "", "", "", "; ".join(entry.fields), "", entry.message]
        )
    return out.getvalue()


def _value_text(fields: list[str], values: list[str | None]) -> str:
    return ", ".join(
        f"{f}={'(blank)' if v is None else v}" for f, v in zip(fields, values, strict=True)
    )


def to_table(result: Result, return_name: str, limit_per_rule: int = 50) -> str:
    """Human-readable text: a summary, then the issues grouped by rule (at most `limit_per_rule`
    lines each, the rest counted), then the rules skipped and failed."""
    lines = [
        f"{return_name} validation, collection year {result.year}",
        f"rules run: {len(result.rules_run)}, skipped: {len(result.rules_skipped)}, "
        f"failed: {len(result.rules_failed)}, not implemented: "
        f"{len(result.rules_not_implemented)}, issues: {result.issues.height}",
    ]
    if result.issues.height:
        counts = (
            result.issues.group_by("rule", maintain_order=True)
            .agg(pl.len().alias("n"), pl.first("type"), pl.first("message"))
            .iter_rows()
        )
        by_rule = result.issues.partition_by("rule", as_dict=True, maintain_order=True)
        for rule, count, kind, message in counts:
            lines.append("")
            lines.append(f"{rule} ({kind}, {count} issue{'s' if count != 1 else ''}): {message}")
            part = by_rule[(rule,)].head(limit_per_rule)
            for child, table, row, fields, values in part.select(
                "child", "table", "row", "fields", "values"
            ).iter_rows():
                lines.append(
                    f"  {table} row {row}, child {child or '(blank)'}: {_value_text(fields, values)}"
                )
            if count > limit_per_rule:
                lines.append(f"  ... and {count - limit_per_rule} more (use --format csv or json)")
    if result.rules_skipped:
        lines.append("")
        lines.append("Rules skipped (a table, column or setting they need is absent):")
        for skipped in result.rules_skipped:
            lines.append(f"  {skipped.code}: needs {skipped.needs}")
    if result.rules_failed:
        lines.append("")
        lines.append("Rules that FAILED to run (report this to Safeguard's maintainers):")
        for failed in result.rules_failed:
            lines.append(f"  {failed.code}: {failed.reason}")
    if result.rules_not_implemented:
        lines.append("")
        lines.append(
            f"DfE rules of {result.year} that Safeguard does not check yet "
            f"({len(result.rules_not_implemented)}): check these by other means:"
        )
        for entry in result.rules_not_implemented:
            lines.append(f"  {entry.code}: {entry.message}")
    return "\n".join(lines) + "\n"


XLSX_MAX_ROWS: Final = 1_048_576
"""Excel's row limit per sheet (header included)."""


def to_xlsx(
    result: Result, return_name: str, path: Path, files: Mapping[str, str] | None = None
) -> None:
    """Write the report as an Excel workbook at `path`.

    Sheets: "Summary" (the run, then one line per rule with issues: code, type, message, count),
    "By child" (every issue, ordered by child, then table and row), and "Rules not run" (each rule
    skipped, failed or not implemented, with the reason or the DfE message). Should the issues
    exceed Excel's row limit, "By child" ends with a line saying how many were left out.
    """
    # Values from the return are written as text, never as formulas or links (a CHILD or value
    # starting "=" must not run in the analyst's spreadsheet). Shared strings, not constant-memory
    # mode: the rule codes and messages repeat, so this is faster and the file half the size.
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    bold = workbook.add_format({"bold": True})
    issues = result.issues

    summary = workbook.add_worksheet("Summary")
    summary.set_column(0, 0, 14)
    summary.set_column(1, 1, 10)
    summary.set_column(2, 2, 100)
    summary.set_column(3, 3, 10)
    intro = [
        ("Return", return_name),
        ("Collection year", result.year),
        ("Rules run", len(result.rules_run)),
        ("Rules skipped", len(result.rules_skipped)),
        ("Rules failed", len(result.rules_failed)),
        ("Rules not implemented", len(result.rules_not_implemented)),
        ("Issues", issues.height),
    ]
    intro += [(f"File ({table})", name) for table, name in (files or {}).items()]
    for r, (label, value) in enumerate(intro):
        summary.write_string(r, 0, label, bold)
        if isinstance(value, int):
            summary.write_number(r, 1, value)
        else:
            summary.write_string(r, 1, value)
    first = len(intro) + 1
    summary.write_row(first, 0, ("Rule", "Type", "Message", "Issues"), bold)
    if issues.height:
        counts = issues.group_by("rule", maintain_order=True).agg(
            pl.first("type"), pl.first("message"), pl.len().alias("n")
        )
        for r, (code, kind, message, n) in enumerate(counts.iter_rows(), start=first + 1):
            summary.write_string(r, 0, code)
            summary.write_string(r, 1, kind)
            summary.write_string(r, 2, message)
            summary.write_number(r, 3, n)

    by_child = workbook.add_worksheet("By child")
    by_child.set_column(0, 0, 14)
    by_child.set_column(4, 4, 8)
    by_child.set_column(5, 5, 40)
    by_child.set_column(6, 6, 100)
    by_child.write_row(0, 0, ("Child", "Rule", "Type", "Table", "Row", "Values", "Message"), bold)
    by_child.freeze_panes(1, 0)
    room = XLSX_MAX_ROWS - 2  # the header, and a line saying how many were left out
    ordered = issues.head(room).sort(
        ["child", "table", "row"], nulls_last=True, maintain_order=True
    )
    values = _values_text(ordered)
    write_string = by_child.write_string
    write_number = by_child.write_number
    for r, (child, rule, kind, table, row, value, message) in enumerate(
        zip(
            ordered.get_column("child").to_list(),
            ordered.get_column("rule").to_list(),
            ordered.get_column("type").to_list(),
            ordered.get_column("table").to_list(),
            ordered.get_column("row").to_list(),
            values,
            ordered.get_column("message").to_list(),
            strict=True,
        ),
        start=1,
    ):
        if child is not None:
            write_string(r, 0, child)
        write_string(r, 1, rule)
        write_string(r, 2, kind)
        write_string(r, 3, table)
        write_number(r, 4, row)
        write_string(r, 5, value)
        write_string(r, 6, message)
    if issues.height > room:
        by_child.write_string(
            room + 1,
            0,
            f"... and {issues.height - room:,} more issues than an Excel sheet can hold: "
            "use --format csv or json for all of them",
            bold,
        )

    not_run = workbook.add_worksheet("Rules not run")
    not_run.set_column(0, 1, 16)
    not_run.set_column(2, 2, 100)
    not_run.write_row(0, 0, ("Rule", "Status", "Reason or DfE message"), bold)
    lines = [
        *((s.code, "skipped", f"needs {s.needs}") for s in result.rules_skipped),
        *((f.code, "failed", f.reason) for f in result.rules_failed),
        *((e.code, "not implemented", e.message) for e in result.rules_not_implemented),
    ]
    for r, line in enumerate(lines, start=1):
        for c, text in enumerate(line):
            not_run.write_string(r, c, text)
    workbook.close()


def _values_text(issues: pl.DataFrame) -> list[str]:
    """Each issue's affected fields and values as "FIELD=value, ..." ("(blank)" for blank)."""
    pairs = (
        issues.select(pl.int_range(pl.len()).alias("i"), "fields", "values")
        .explode(["fields", "values"])
        .select(
            "i",
            pl.when(pl.col("fields").is_not_null())
            .then(pl.concat_str("fields", pl.lit("="), pl.col("values").fill_null("(blank)")))
            .alias("pair"),
        )
        .group_by("i", maintain_order=True)
        .agg(pl.col("pair").drop_nulls().str.join(", "))
    )
    return pairs.get_column("pair").to_list()

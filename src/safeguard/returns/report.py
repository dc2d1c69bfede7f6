"""Validation reports: JSON, a human-readable table grouped by rule, and CSV.

JSON: {"return", "year", "rules_run", "rules_skipped", "rules_failed", "issues"}, each issue with
rule, type, child, table, row (the line in the file, header = line 1), fields, values and message.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import polars as pl

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
            {"rule": s.code, "missing_tables": list(s.missing_tables)} for s in result.rules_skipped
        ],
        "rules_failed": [{"rule": f.code, "reason": f.reason} for f in result.rules_failed],
        "issues": issues,
    }


def to_json(result: Result, return_name: str, files: dict[str, str] | None = None) -> str:
    return json.dumps(as_dict(result, return_name, files), ensure_ascii=False, indent=1)


CSV_COLUMNS = ("rule", "type", "child", "table", "row", "fields", "values", "message")


def to_csv(result: Result) -> str:
    """One line per issue; fields and values joined with "; " in the same order."""
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
        f"failed: {len(result.rules_failed)}, issues: {result.issues.height}",
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
        lines.append("Rules skipped (a table they need is absent):")
        for skipped in result.rules_skipped:
            lines.append(f"  {skipped.code}: needs {', '.join(skipped.missing_tables)}")
    if result.rules_failed:
        lines.append("")
        lines.append("Rules that FAILED to run (report this to Safeguard's maintainers):")
        for failed in result.rules_failed:
            lines.append(f"  {failed.code}: {failed.reason}")
    return "\n".join(lines) + "\n"

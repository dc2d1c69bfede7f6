"""Write the Ofsted Annex A workbook: one sheet per list, headings in the first row.

Dates are real Excel dates shown dd/mm/yyyy; ages and counts are numbers; coded values are in
Annex A's prefixed forms (`labels`). The workbook is streamed (XlsxWriter constant memory), so a
large authority's lists do not sit in memory twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]  # XlsxWriter ships no type hints

from safeguard.core.records import AuthorityRecords
from safeguard.returns.annex_a.columns import LISTS
from safeguard.returns.annex_a.lists import Row, annex_a_rows, window_start


def write_annex_a(
    records: AuthorityRecords,
    path: Path,
    period_end: date,
    *,
    rows: Mapping[int, Sequence[Row]] | None = None,
) -> Path:
    """Write Annex A lists 1 to 11 for the 12 months ending `period_end` to `path` (.xlsx).

    `rows` (list number -> rows, from `annex_a_rows`) may be given when the caller has already
    worked them out, to count them for instance; otherwise they are worked out here.
    """
    if rows is None:
        rows = annex_a_rows(records, period_end)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        workbook.set_properties(
            {
                "title": "Ofsted ILACS Annex A",
                "subject": f"{window_start(period_end):%d/%m/%Y} to {period_end:%d/%m/%Y}",
                "comments": "Synthetic or council data exported by Safeguard",
            }
        )
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for annex_list in LISTS:
            sheet = workbook.add_worksheet(annex_list.sheet)
            sheet.write_row(0, 0, annex_list.headings, bold)
            sheet.set_column(0, len(annex_list.headings) - 1, 18)
            sheet.freeze_panes(1, 0)
            for r, row in enumerate(rows.get(annex_list.number, ()), start=1):
                if len(row) != len(annex_list.headings):
                    raise ValueError(
                        f"{annex_list.sheet}: a row has {len(row)} cells for "
                        f"{len(annex_list.headings)} columns"
                    )
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, date):
                        sheet.write_datetime(r, c, value, day)
                    elif isinstance(value, int):
                        sheet.write_number(r, c, value)
                    else:
                        sheet.write_string(r, c, value)
    finally:
        workbook.close()
    return path

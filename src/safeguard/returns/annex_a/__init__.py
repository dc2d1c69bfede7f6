"""The Ofsted ILACS Annex A workbook, written from an authority's records (no Django).

Lists 1 to 11 are written as sheets "List 1" to "List 11" with the column headings of
shared/specs/annex-a.md. Safeguard records no early help assessments (list 2) and no adopters
(list 11), so those sheets carry their headings and no rows. Some list 8 to 10 columns are blank
for the same reason: the permanence plan, the IRO's last visit or contact, the placement's
location and local authority (list 8), and the adoptive family identifier (list 10).
"""

from safeguard.returns.annex_a.columns import LISTS, AnnexAList
from safeguard.returns.annex_a.lists import annex_a_rows, window_start
from safeguard.returns.annex_a.writer import write_annex_a

__all__ = ["LISTS", "AnnexAList", "annex_a_rows", "window_start", "write_annex_a"]

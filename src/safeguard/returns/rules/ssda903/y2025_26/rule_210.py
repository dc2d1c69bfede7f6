"""SSDA903 rule 210 (error): Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.

The DfE's condition: when UPN is UN4, no episode may start on or after 24 March at the end of the
collection year. Flags the Header row of a child with UPN UN4 and each of the child's episodes
starting on or after that date.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end

CODE = "210"
MESSAGE = "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with UPN UN4 and their episodes starting on or after 24 March."""
    end = year_end(submission.year)
    late = date(end.year, 3, 24)
    un4 = submission.tables["Header"].lazy().filter(pl.col("UPN") == "UN4")
    episodes = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM") >= late)
        .join(un4.select("CHILD").unique(), on="CHILD", how="semi", maintain_order="left")
    )
    header = un4.join(
        episodes.select("CHILD").unique(), on="CHILD", how="semi", maintain_order="left"
    )
    return pl.concat([flagged(header, "Header"), flagged(episodes, "Episodes")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN", "DECOM"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)

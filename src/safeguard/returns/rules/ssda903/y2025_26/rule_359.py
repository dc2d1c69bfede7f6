"""SSDA903 rule 359 (error): Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.

Flags open episodes (no DEC written) of a child who is 18 or over before 31 March at the end of
the collection year (by the Header's DOB) unless the episode is accommodation under section 20
(legal status V2) in a children's home (PLACE K2).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "359"
MESSAGE = "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home."


def check(submission: Submission) -> pl.DataFrame:
    """Open episodes of adults not under V2 in K2."""
    adult = birthday("HEADER_DOB", 18) < year_end(submission.year)
    community_home = (pl.col("LS") == "V2") & (pl.col("PLACE") == "K2")
    return flagged(
        with_header_dob(submission, "Episodes").filter(
            adult & pl.col("DEC__text").is_null() & ~community_home.fill_null(value=False)
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "LS", "PLACE"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)

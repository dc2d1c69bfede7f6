"""SSDA903 rule INT02 (error): Internal Check: Child in PlacedAdoption does not exist in Header.

Flags a PlacedAdoption row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT02"
MESSAGE = "Internal Check: Child in PlacedAdoption does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["PlacedAdoption"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "PlacedAdoption")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "PlacedAdoption"),
    type="error",
    check=check,
)

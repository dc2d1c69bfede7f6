"""SSDA903 rule 399 (error): Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.

For a child all of whose episodes are short breaks (legal status V3 or V4), when the Header gives
MOTHER or a review gives REVIEW or REVIEW_CODE: flags the child's episodes, the Header rows with
MOTHER given and the Reviews rows with a review field given. A child with any other legal status
is not flagged.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import given

CODE = "399"
MESSAGE = "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes, Header and Reviews rows of short-break-only children with those fields given."""
    episodes = submission.tables["Episodes"].lazy()
    short_break_only = (
        episodes.group_by("CHILD")
        .agg(pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False).all())
        .filter(pl.col("LS"))
        .select("CHILD")
    )
    mothers = (
        submission.tables["Header"]
        .lazy()
        .filter(given("MOTHER"))
        .join(short_break_only, on="CHILD", how="semi", maintain_order="left")
    )
    reviews = (
        submission.tables["Reviews"]
        .lazy()
        .filter(given("REVIEW__text") | given("REVIEW_CODE"))
        .join(short_break_only, on="CHILD", how="semi", maintain_order="left")
    )
    children = pl.concat([mothers.select("CHILD"), reviews.select("CHILD")]).unique()
    return pl.concat(
        [
            flagged(
                episodes.join(children, on="CHILD", how="semi", maintain_order="left"), "Episodes"
            ),
            flagged(mothers, "Header"),
            flagged(reviews, "Reviews"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER", "LS", "REVIEW", "REVIEW_CODE"),
    tables=("Episodes", "Header", "Reviews"),
    type="error",
    check=check,
)

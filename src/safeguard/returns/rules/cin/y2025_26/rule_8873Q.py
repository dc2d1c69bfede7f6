"""CIN census rule 8873Q (query): Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure 'RC8' or 'RC9' should be used.

Flags the Assessments row, and its CINdetails row, of a CIN episode with exactly one assessment,
completed (an AssessmentAuthorisationDate), whose factors include 21 (no factors identified), when
the episode's ReasonForClosure is not RC8 or RC9 (closed after assessment;
safeguard.core.codes.CLOSED_AFTER_ASSESSMENT), a blank reason included.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import CLOSED_AFTER_ASSESSMENT
from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import ROW, Rule, Submission, flagged

NO_FACTORS = "21"

CODE = "8873Q"
MESSAGE = "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure \u2018RC8\u2019 or 'RC9' should be used."


def check(submission: Submission) -> pl.DataFrame:
    """A lone completed 'no factors' assessment on an episode not closed as RC8 or RC9."""
    keys = [CHILD_ID, "CINdetailsID"]
    no_factors = (
        submission.tables["AssessmentFactorsList"]
        .lazy()
        .filter(pl.col("AssessmentFactors") == NO_FACTORS)
        .select(*keys, "AssessmentID")
        .unique()
    )
    episodes = (
        submission.tables["CINdetails"]
        .lazy()
        .select(*keys, pl.col(ROW).alias("_episode_row"), "ReasonForClosure")
    )
    lone = (
        submission.tables["Assessments"]
        .lazy()
        .filter(pl.len().over(keys) == 1)
        .filter(pl.col("AssessmentAuthorisationDate").is_not_null())
        .join(no_factors, on=[*keys, "AssessmentID"], how="semi")
        .join(episodes, on=keys, how="inner")
        .filter(
            ~pl.col("ReasonForClosure").is_in(list(CLOSED_AFTER_ASSESSMENT)).fill_null(value=False)
        )
    )
    cin_rows = (
        submission.tables["CINdetails"]
        .lazy()
        .join(lone.select(pl.col("_episode_row").alias(ROW)), on=ROW, how="semi")
    )
    return pl.concat(
        [
            flagged(lone, "Assessments", child=CHILD_ID),
            flagged(cin_rows, "CINdetails", child=CHILD_ID),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReasonForClosure", "AssessmentFactors"),
    tables=("Assessments", "AssessmentFactorsList", "CINdetails"),
    type="query",
    check=check,
)

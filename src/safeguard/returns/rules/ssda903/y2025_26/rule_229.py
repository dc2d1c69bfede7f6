"""SSDA903 rule 229 (error): Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]

Flags episodes with an Ofsted URN found in the provider table, in a placement that has an Ofsted
registration (not K3 or those without a URN: safeguard.core.codes.PLACEMENTS_WITHOUT_URN), whose
provider's LA (LA_CODE) is known and disagrees with the placement provider: own provision (PR1)
with a provider in another LA, or other LA provision (PR2) with a provider in the council's. Needs
the provider table and the council's LA code (COUNCIL); skipped without either.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import PLACEMENTS_WITHOUT_URN
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import is_council, placed_with_provider
from safeguard.returns.ssda903.reader import COUNCIL, PROVIDERS

NOT_JUDGED = sorted({*PLACEMENTS_WITHOUT_URN, "K3"})

CODE = "229"
MESSAGE = "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]"


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose placement provider disagrees with the URN's provider's LA."""
    ours = is_council("PROVIDER_LA", submission)
    found = placed_with_provider(submission).filter(
        ~pl.col("PLACE").is_in(NOT_JUDGED).fill_null(value=False)
        & pl.col("PROVIDER_LA").is_not_null()
        & (
            ((pl.col("PLACE_PROVIDER") == "PR1") & ~ours)
            | ((pl.col("PLACE_PROVIDER") == "PR2") & ours)
        )
    )
    return flagged(found, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN", "PLACE_PROVIDER"),
    tables=("Episodes", PROVIDERS, COUNCIL),
    type="error",
    check=check,
)

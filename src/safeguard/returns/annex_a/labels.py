"""How Annex A writes coded values: the letter-prefixed forms its sheets expect.

Source: shared/specs/annex-a.md (liia-tools `spec/annex_a/data-map.yml`), with the wording of the
labels it leaves open taken from data-to-insight's Annex A queries
(ssd-data-model `AnnexA_sqlserver_v1.2.0_1_20240731.sql`). These are Annex A presentation, not
code lists: the codes themselves (and which are valid in a year) live in `safeguard.core.codes`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from safeguard.core import codes

GENDER: Final = MappingProxyType(
    {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded", "I": "d) Neither"}
)
GENDER_UNKNOWN: Final = "c) Not stated/recorded"

# annex-a.md: "s) REFU, s) NOBT. The duplicate "s)" is as written in the file." Kept as written,
# so a sheet checked against that list matches it.
ETHNICITY: Final = MappingProxyType(
    {
        code: f"{letter}) {code}"
        for letter, code in zip(
            "abcdefghijklmnopqrs",
            (
                "WBRI",
                "WIRI",
                "WIRT",
                "WOTH",
                "WROM",
                "MWBC",
                "MWBA",
                "MWAS",
                "MOTH",
                "AIND",
                "APKN",
                "ABAN",
                "AOTH",
                "BCRB",
                "BAFR",
                "BOTH",
                "CHNE",
                "OOTH",
                "REFU",
            ),
            strict=True,
        )
    }
    | {"NOBT": "s) NOBT"}
)
ETHNICITY_UNKNOWN: Final = "s) NOBT"

# Contact and referral source: the CIN ReferralSource codes a) to u); 5D (added to the CIN census
# after the Annex A list was drawn up) is written "p1)" as data-to-insight's queries write it.
SOURCE: Final = MappingProxyType(
    {
        "1A": "a) 1A: Individual",
        "1B": "b) 1B: Individual",
        "1C": "c) 1C: Individual",
        "1D": "d) 1D: Individual",
        "2A": "e) 2A: Schools",
        "2B": "f) 2B: Education services",
        "3A": "g) 3A: Health services",
        "3B": "h) 3B: Health services",
        "3C": "i) 3C: Health services",
        "3D": "j) 3D: Health services",
        "3E": "k) 3E: Health services",
        "3F": "l) 3F: Health services",
        "4": "m) 4: Housing",
        "5A": "n) 5A: LA services",
        "5B": "o) 5B: LA services",
        "5C": "p) 5C: LA services",
        "5D": "p1) 5D: LA services",
        "6": "q) 6: Police",
        "7": "r) 7: Other legal agency",
        "8": "s) 8: Other",
        "9": "t) 9: Anonymous",
        "10": "u) 10: Unknown",
    }
)

YES: Final = "a) Yes"
NO: Final = "b) No"
UNKNOWN: Final = "c) Unknown"

NEED: Final = MappingProxyType(
    {
        "N0": "N0 - Not stated",
        "N1": "N1 - Abuse or neglect",
        "N2": "N2 - Child's disability",
        "N3": "N3 - Parental disability or illness",
        "N4": "N4 - Family in acute stress",
        "N5": "N5 - Family dysfunction",
        "N6": "N6 - Socially unacceptable behaviour",
        "N7": "N7 - Low income",
        "N8": "N8 - Absent parenting",
        "N9": "N9 - Cases other than children in need",
    }
)

CASE_STATUS_LOOKED_AFTER: Final = "a) Looked after child"
CASE_STATUS_CP_PLAN: Final = "b) Child Protection plan"
CASE_STATUS_CIN_PLAN: Final = "c) Child in need plan"
CASE_STATUS_OPEN_ASSESSMENT: Final = "d) Open assessment"
CASE_STATUS_CLOSED: Final = "e) Closed episode"

ABUSE: Final = MappingProxyType(
    {
        "NEG": "a) Neglect",
        "PHY": "b) Physical abuse",
        "SAB": "c) Sexual abuse",
        "EMO": "d) Emotional abuse",
        "MUL": "e) Multiple/not recommended",
    }
)

ELIGIBILITY: Final = MappingProxyType(
    {
        "relevant": "a) Relevant child",
        "former_relevant": "b) Former relevant child",
        "qualifying": "c) Qualifying care leaver",
    }
)

IN_TOUCH: Final = MappingProxyType(
    {"YES": "Yes", "NO": "No", "DIED": "Died", "REFU": "Refu", "NREQ": "NREQ", "RHOM": "Rhom"}
)

SUITABLE: Final = "a) Suitable"
UNSUITABLE: Final = "b) Unsuitable"


def yes_no(value: bool | None) -> str:
    """a) Yes, b) No, or c) Unknown when nothing is recorded."""
    if value is None:
        return UNKNOWN
    return YES if value else NO


def coded(list_name: str, code: str) -> str:
    """A 903 code with its description ("C2 - Full care order"), or the code alone when the
    code lists hold no description; blank stays blank."""
    if not code:
        return ""
    description = codes.describe(list_name, code)
    return code if description == code else f"{code} - {description}"

"""Statutory code lists (SSDA903 and CIN census), keyed by collection year.

A collection year is written "2024/25" and runs from 1 April 2024 to 31 March 2025. Each list is
held once here; a year's entry records only what changed that year and every other year inherits
the previous year's list. Sources: /shared/specs/ssda903.md, cin-census.md and ssd-code-lists.csv
(data-to-insight/csc-validator-be-903 and -cin rule files, the DfE CIN XSDs). Descriptions are the
specs' wording where they give one; an empty description means the specs give none.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

YEARS: Final = ("2024/25", "2025/26", "2026/27")


def collection_year(day: date) -> str:
    """The collection year ("2024/25") that contains `day` (1 April to 31 March inclusive)."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _codes(*codes: str) -> dict[str, str]:
    return dict.fromkeys(codes, "")


_ETHNIC: Final = {
    "WBRI": "White British",
    "WIRI": "White Irish",
    "WOTH": "Any other White background",
    "WIRT": "Traveller of Irish heritage",
    "WROM": "Gypsy/Roma",
    "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African",
    "MWAS": "White and Asian",
    "MOTH": "Any other mixed background",
    "AIND": "Indian",
    "APKN": "Pakistani",
    "ABAN": "Bangladeshi",
    "AOTH": "Any other Asian background",
    "BCRB": "Black Caribbean",
    "BAFR": "Black African",
    "BOTH": "Any other Black background",
    "CHNE": "Chinese",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused",
    "NOBT": "Information not yet obtained",
}

_PLACE_2024: Final = {
    "A3": "Placed for adoption with parental/guardian consent with current foster carer(s)",
    "A4": "Placed for adoption with parental/guardian consent not with current foster carer(s)",
    "A5": "Placed for adoption with placement order with current foster carer(s)",
    "A6": "Placed for adoption with placement order not with current foster carer(s)",
    "H5": "Semi-independent living accommodation not subject to children's homes regulations",
    "K1": "Secure children's home",
    "K2": "Children's home",
    "K3": "Supported accommodation",
    "P1": "Placed with own parent(s) or other person(s) with parental responsibility",
    "P2": "Independent living, for example in a flat, lodgings, bedsit or with friends",
    "P3": "Residential employment",
    "R1": "Residential care home",
    "R2": "NHS or health trust or other establishment providing medical or nursing care",
    "R3": "Family centre or mother and baby unit",
    "R5": "Young offender institution or prison",
    "S1": "Residential school",
    "T0": "Temporary placement: all types",
    "T1": "Temporary periods in hospital",
    "T2": "Temporary absences of the child on holiday",
    "T3": "Temporary accommodation whilst normal foster carer is on holiday",
    "T4": "Temporary accommodation of seven days or less",
    "U1": "Foster placement with relative or friend: long term fostering",
    "U2": "Foster placement with relative or friend who is also an approved adopter: FFA",
    "U3": "Foster placement with relative or friend: not long term or FFA",
    "U4": "Foster placement with other foster carer: long term fostering",
    "U5": "Foster placement with other foster carer who is also an approved adopter: FFA",
    "U6": "Foster placement with other foster carer: not long term or FFA",
    "Z1": "Other placements",
}
# 2025/26 (lac2025_26/rule_146): H5, P2 and Z1 go; Z11-Z14 replace Z1. The liia-tools view keeps
# Z1 in 2026; this module follows the DfE validator.
_PLACE_2025: Final = {
    **{k: v for k, v in _PLACE_2024.items() if k not in {"H5", "P2", "Z1"}},
    "Z11": "Other placement",
    "Z12": "Other placement",
    "Z13": "Other placement",
    "Z14": "Other placement",
}

_SSDA903: Final[dict[str, dict[str, dict[str, str]]]] = {
    "RNE": {
        "2024/25": {
            "S": "Started to be looked after",
            "L": "Change of legal status only",
            "P": "Change of placement only",
            # The specs give no wording for T, U and B; indicator-definitions §6 reads T and U
            # as changes with the same carer and B as a new placement.
            "T": "",
            "U": "",
            "B": "",
        }
    },
    "LS": {
        "2024/25": {
            "C1": "Interim care order",
            "C2": "Full care order",
            "D1": "Freeing order granted",
            "E1": "Placement order granted",
            "V2": "Single period of accommodation under section 20 (Children Act 1989)",
            "V3": "Accommodated under an agreed series of short-term breaks, individual episodes recorded",
            "V4": "Accommodated under an agreed series of short-term breaks, agreements recorded",
            "J1": "Remanded to local authority accommodation or to youth detention accommodation",
            "J2": "Placed in local authority accommodation under PACE 1984",
            "J3": "Sentenced to Youth Rehabilitation Order with residence or fostering requirement",
            "L1": "Under police protection and in local authority accommodation",
            "L2": "Emergency protection order (EPO)",
            "L3": "Under child assessment order and in local authority accommodation",
        }
    },
    "CIN": {
        "2024/25": {
            "N1": "Abuse or neglect",
            "N2": "Child's disability",
            "N3": "Parental illness or disability",
            "N4": "Family in acute stress",
            "N5": "Family dysfunction",
            "N6": "Socially unacceptable behaviour",
            "N7": "Low income",
            "N8": "Absent parenting",
        }
    },
    "PLACE": {"2024/25": _PLACE_2024, "2025/26": _PLACE_2025},
    "PLACE_PROVIDER": {
        "2024/25": {
            "PR0": "Parent(s) or other person(s) with parental responsibility",
            "PR1": "Own provision (by the local authority)",
            "PR2": "Other local authority provision",
            "PR3": "Other public provision (for example, a primary care trust)",
            "PR4": "Private provision",
            "PR5": "Voluntary/third sector provision",
        }
    },
    "REC": {
        "2024/25": _codes(
            "E11",
            "E12",
            "E2",
            "E3",
            "E4A",
            "E4B",
            "E13",
            "E41",
            "E45",
            "E46",
            "E47",
            "E48",
            "E5",
            "E6",
            "E7",
            "E8",
            "E9",
            "E14",
            "E15",
            "E16",
            "E17",
            "X1",
        )
        | {
            "E11": "Adopted: application unopposed",
            "E12": "Adopted: consent dispensed with by the court",
            "E2": "Died",
            "E3": "Care taken over by another local authority in the UK",
            "E13": "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility",
            "E41": "Residence order or child arrangements order granted",
            "E45": "Special guardianship order made to former foster carer(s)",
            "E46": "Special guardianship order made to carer(s) other than former foster carer(s)",
            "E4A": "Returned home to live with parent(s) or others with parental responsibility, as planned",
            "E47": "Moved to independent living with no formal support",
            "E48": "Moved to independent living with supportive accommodation",
            "E17": "Aged 18 or over and remained with current carers (including staying put)",
            "X1": "Episode ceases, and new episode begins on same day, for any reason",
        }
    },
    "REASON_PLACE_CHANGE": {
        "2024/25": {
            "CARPL": "Change to or carrying out of the care plan",
            "CLOSE": "The provider resigned or the placement closed",
            "ALLEG": "Allegation (section 47 enquiry)",
            "STAND": "Concern about the standard of care",
            "APPRR": "The carer's approval was removed",
            "CREQB": "The carer asked to end the placement because of the child's behaviour",
            "CREQO": "The carer asked to end the placement for another reason",
            "CHILD": "The child asked to end the placement",
            "LAREQ": "The responsible or area authority asked to end the placement",
            "PLACE": "Change in the status of the placement only",
            "CUSTOD": "Custody arrangement",
            "OTHER": "Other",
        }
    },
    "SEX": {"2024/25": {"M": "Male", "F": "Female", "U": "Not known"}},
    "ETHNIC": {"2024/25": _ETHNIC},
    "REVIEW_CODE": {
        "2024/25": {
            "PN0": "Child aged under 4 at the time of the review",
            "PN1": "Child attended and spoke for themselves",
            "PN2": "Child attended and an advocate spoke for them",
            "PN3": "Child attended and gave their views without words",
            "PN4": "Child attended but did not give their views or ask an advocate to",
            "PN5": "Child did not attend but briefed an advocate to speak for them",
            "PN6": "Child did not attend but gave their views another way",
            "PN7": "Child did not attend and their views were not given",
        }
    },
    "IN_TOUCH": {
        "2024/25": {
            "YES": "In touch",
            "NO": "Not in touch",
            "DIED": "Died after leaving care",
            "REFU": "Young person refuses contact",
            "NREQ": "Young person no longer needs services",
            "RHOM": "Returned home to parents for 6 months or more",
        }
    },
    "ACTIV": {
        "2024/25": _codes("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
    },
    "ACCOM": {
        "2024/25": _codes(
            "B1",
            "B2",
            "C1",
            "C2",
            "D1",
            "D2",
            "E1",
            "E2",
            "G1",
            "G2",
            "H1",
            "H2",
            "K1",
            "K2",
            "R1",
            "R2",
            "S2",
            "T1",
            "T2",
            "U1",
            "U2",
            "V1",
            "V2",
            "W1",
            "W2",
            "X2",
            "Y1",
            "Y2",
            "Z1",
            "Z2",
            "0",
        )
    },
    "MISSING": {
        "2024/25": {"M": "Missing from care", "A": "Away from placement without authorisation"}
    },
    "REASON_PLACED_CEASED": {
        "2024/25": {
            "RD1": "The child's needs changed after the decision",
            "RD2": "The Court did not make a placement order",
            "RD3": "Prospective adopters could not be found",
            "RD4": "Any other reason",
        }
    },
    # Added for the SSDA903 validation rules (ssda903.md code lists; rules 114, 175-177, 196,
    # 631, SW13STG1). The specs give no descriptions for these.
    "SDQ_REASON": {"2024/25": _codes("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5")},
    "FOSTER_CARE": {"2024/25": _codes("0", "1")},
    # Header UASC (derived by the DfE from the UASC table; rules 105, 303): 1 UASC, 0 not.
    "UASC": {"2024/25": _codes("0", "1")},
    # PL_LOCATION is derived by the DfE from the postcodes: placed inside or outside the LA.
    "PL_LOCATION": {"2024/25": _codes("IN", "OUT")},
    "NB_ADOPTR": {"2024/25": _codes("1", "2")},
    "SEX_ADOPTR": {"2024/25": _codes("M1", "F1", "MM", "FF", "MF")},
    "LS_ADOPTR": {"2024/25": _codes("L0", "L11", "L12", "L2", "L3", "L4")},
    "PREV_PERM": {"2024/25": _codes("P1", "P2", "P3", "P4", "Z1")},
    "SW_REASON": {
        "2024/25": _codes(
            "MANAGE",
            "FCONTA",
            "LEFTRL",
            "ORGRST",
            "TSPROC",
            "ABSENC",
            "CHCHAN",
            "PCCHAN",
            "SWDIED",
            "OTHERS",
        )
    },
}

_PRIMARY_NEED_2024: Final = {
    "N0": "Not stated",
    "N1": "Abuse or neglect",
    "N2": "Child's disability",
    "N3": "Parental illness or disability",
    "N4": "Family in acute stress",
    "N5": "Family dysfunction",
    "N6": "Socially unacceptable behaviour",
    "N7": "Low income",
    "N8": "Absent parenting",
    "N9": "Cases other than children in need",
}

_CIN: Final[dict[str, dict[str, dict[str, str]]]] = {
    "ReferralSource": {
        "2024/25": {
            "1A": "Individual: family member, relative or carer",
            "1B": "Individual: acquaintance (including neighbours and child minders)",
            "1C": "Individual: self",
            "1D": "Individual: other (including strangers or MPs)",
            "2A": "Schools",
            "2B": "Education services",
            "3A": "Health services: general practitioner (GP)",
            "3B": "Health services: health visitor",
            "3C": "Health services: school nurse",
            "3D": "Health services: other primary health services",
            "3E": "Health services: A&E",
            "3F": "Health services: other",
            "4": "Housing",
            "5A": "LA services: social care",
            "5B": "LA services: other internal services",
            "5C": "LA services: external, from another local authority",
            "5D": "LA services: early help",
            "6": "Police",
            "7": "Other legal agency",
            "8": "Other",
            "9": "Anonymous",
            "10": "Unknown",
        }
    },
    "PrimaryNeedCode": {
        "2024/25": _PRIMARY_NEED_2024,
        # The 2026 XSD (census of 31 March 2026) renames N1.
        "2025/26": _PRIMARY_NEED_2024 | {"N1": "Abuse, neglect and exploitation"},
    },
    "ReasonForClosure": {
        "2024/25": {
            "RC1": "Adopted",
            "RC2": "Died",
            "RC3": "Child arrangements order",
            "RC4": "Special guardianship order",
            "RC5": "Transferred to services of another local authority",
            "RC6": "Transferred to adult social care services",
            "RC7": "Services ceased for any other reason, including child no longer in need",
            "RC8": "Case closed after assessment, no further action",
            "RC9": "Case closed after assessment, referred to early help",
        }
    },
    "CategoryOfAbuse": {
        "2024/25": {
            "NEG": "Neglect",
            "PHY": "Physical abuse",
            "SAB": "Sexual abuse",
            "EMO": "Emotional abuse",
            "MUL": "Multiple",
        }
    },
    "AssessmentFactors": {
        "2024/25": {
            **{f"1{s}": "Alcohol misuse" for s in "ABC"},
            **{f"2{s}": "Drug misuse" for s in "ABC"},
            **{f"3{s}": "Domestic violence" for s in "ABC"},
            **{f"4{s}": "Mental health" for s in "ABC"},
            **{f"5{s}": "Learning disability" for s in "ABC"},
            **{f"6{s}": "Physical disability or illness" for s in "ABC"},
            "7A": "Young carer",
            **{f"8{s}": "Privately fostered" for s in "BCDEF"},
            "9A": "Unaccompanied asylum-seeking child",
            "10A": "Going or being missing",
            "11A": "Child sexual exploitation",
            "12A": "Trafficking",
            "13A": "Gangs",
            "14A": "Socially unacceptable behaviour",
            "15A": "Self-harm",
            "16A": "Neglect",
            "17A": "Emotional abuse",
            "18A": "Physical abuse (not to be used: D2I query 8945Q)",
            "18B": "Physical abuse: child on child",
            "18C": "Physical abuse: adult on child",
            "19A": "Sexual abuse (not to be used: D2I query 8950Q)",
            "19B": "Sexual abuse: child on child",
            "19C": "Sexual abuse: adult on child",
            "20": "Other",
            "21": "No factors identified",
            "22A": "Female genital mutilation",
            "23A": "Abuse linked to faith or belief",
            "24A": "Child criminal exploitation",
        }
    },
    "Disability": {
        "2024/25": {
            "NONE": "No disability",
            "MOB": "Mobility",
            "HAND": "Hand function",
            "PC": "Personal care",
            "INC": "Incontinence",
            "COMM": "Communication",
            "LD": "Learning",
            "HEAR": "Hearing",
            "VIS": "Vision",
            "BEH": "Behaviour",
            "CON": "Consciousness",
            "AUT": "Autism or Asperger syndrome",
            "DDA": "Other disability under the Equality Act",
        }
    },
    "Ethnicity": {"2024/25": _ETHNIC},
    "UPNunknown": {"2024/25": _codes(*(f"UN{i}" for i in range(1, 8)))},
    "Sex": {"2024/25": {"M": "Male", "F": "Female", "U": "Not known"}},
}

_ALL: Final = {**_SSDA903, **_CIN}


def _resolve() -> dict[str, dict[str, Mapping[str, str]]]:
    resolved: dict[str, dict[str, Mapping[str, str]]] = {}
    for name, by_year in _ALL.items():
        current: Mapping[str, str] = MappingProxyType({})
        resolved[name] = {}
        for year in YEARS:
            if year in by_year:
                current = MappingProxyType(dict(by_year[year]))
            resolved[name][year] = current
    return resolved


_RESOLVED: Final = _resolve()

LIST_NAMES: Final = tuple(sorted(_RESOLVED))


def codes_for(list_name: str, year: str) -> Mapping[str, str]:
    """The codes (code -> description) valid in `list_name` for collection year `year`.

    A year before the first held ("2024/25") gets the first year's list and a year after the last
    gets the last year's: history older than the lists held here is read with the earliest list.
    Raises KeyError naming the list when it is unknown, ValueError for a malformed year.
    """
    try:
        by_year = _RESOLVED[list_name]
    except KeyError:
        raise KeyError(f"unknown code list {list_name!r}; known: {', '.join(LIST_NAMES)}") from None
    found = by_year.get(year)
    if found is not None:
        return found
    if len(year) != 7 or year[4] != "/" or not (year[:4] + year[5:]).isdigit():
        raise ValueError(f"collection year must look like '2024/25', not {year!r}")
    return by_year[YEARS[0] if year < YEARS[0] else YEARS[-1]]


def is_valid(list_name: str, year: str, code: str) -> bool:
    """True if `code` is in `list_name` for collection year `year`."""
    return code in codes_for(list_name, year)


# Placement groups used by the DfE "placement mix at 31 March" (EES-CLA). Which PLACE codes count
# as "independent / semi-independent / supported accommodation" is this module's reading of the
# code descriptions: H5 and P2 (to 2024/25) and K3.
PLACEMENT_GROUPS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "foster": frozenset({"U1", "U2", "U3", "U4", "U5", "U6"}),
        "childrens_homes": frozenset({"K1", "K2"}),
        "supported": frozenset({"H5", "P2", "K3"}),
        "with_parents": frozenset({"P1"}),
        "adoption": frozenset({"A3", "A4", "A5", "A6"}),
    }
)

# SSDA903 rule 178 (2025/26): PLACE_PROVIDER must be blank for these placements.
PLACE_WITHOUT_PROVIDER: Final = frozenset({"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})

SHORT_BREAK_LEGAL_STATUSES: Final = frozenset({"V3", "V4"})
# SSDA903 deprivation of liberty orders (DoLo table, from 2026/27): placements a child under a DoLO
# is expected to be in (rule 709) and may not be in (rule 710).
DOLO_EXPECTED_PLACEMENTS: Final = frozenset({"K2", "Z12", "Z13"})
DOLO_BARRED_PLACEMENTS: Final = frozenset({"K1", "P1", "R5", "K3"})
# SSDA903 temporary placements (PLACE T0-T4; rules 226, 380-382 and others).
TEMPORARY_PLACEMENTS: Final = frozenset({"T0", "T1", "T2", "T3", "T4"})
# SSDA903 rule 335: adoption placements with the current foster carer(s) (A2, A3, A5) and not
# with them (A1, A4, A6), as the DfE's message names them, and the adopted reasons ceased.
ADOPTION_WITH_FOSTER_CARER: Final = frozenset({"A2", "A3", "A5"})
ADOPTION_NOT_WITH_FOSTER_CARER: Final = frozenset({"A1", "A4", "A6"})
ADOPTED_REASONS_CEASED: Final = frozenset({"E1", "E11", "E12"})
# SSDA903 PL_DISTANCE: the value given when the distance cannot be calculated (rule 454).
DISTANCE_NOT_CALCULABLE: Final = 999.9
# SSDA903 UPN codes for an unknown UPN (rule 444: these may repeat).
UPN_UNKNOWN_903: Final = frozenset({"UN1", "UN2", "UN3", "UN4", "UN5"})
# ACTIV codes that count as in education, employment or training (indicator-definitions §8).
EET_ACTIVITIES: Final = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})
# ACCOM codes excluded from the suitable-accommodation denominator (abroad, deported, not known).
ACCOM_EXCLUDED: Final = frozenset({"G1", "G2", "H1", "H2", "R1", "R2"})
# ACCOM codes for a Foyer (suitable, unsuitable; rule 347).
ACCOM_FOYER: Final = frozenset({"T1", "T2"})


def describe(list_name: str, code: str) -> str:
    """Plain words for `code` in `list_name`, from the latest year that describes it.

    Returns the code itself when no held year describes it, so a page never shows a blank.
    """
    if not code:
        return ""
    by_year = _RESOLVED[list_name]
    for year in reversed(YEARS):
        description = by_year[year].get(code)
        if description:
            return description
    return code

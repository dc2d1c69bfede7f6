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
    # The XSD's yesnotype (rule 8568): 0 false, 1 true.
    "ReferralNFA": {"2024/25": {"0": "False", "1": "True"}},
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

# SSDA903 URN placeholder for a placement whose provider has no Ofsted URN (rules 219-229, 1008).
URN_NOT_KNOWN: Final = "XXXXXXX"
# SSDA903 placements that have no Ofsted URN (rule 222; 229 adds K3, supported accommodation).
PLACEMENTS_WITHOUT_URN: Final = frozenset(
    {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}
)
# SSDA903 ACCOM codes for living with former foster carer(s), suitable (Z1) and not (Z2) (rule 3001).
ACCOM_FORMER_FOSTER_CARERS: Final = frozenset({"Z1", "Z2"})
# SSDA903 rule 1015: placements an authority's own provision (PR1) may arrange outside its own area
# (adoption, fostering, supported accommodation), as the public validator encodes the rule.
OWN_PROVISION_ANYWHERE: Final = frozenset(
    {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6", "K3"}
)
# SSDA903 LA_PERM codes for a permanence order made outside England (rule 633).
LA_OUTSIDE_ENGLAND: Final = frozenset({"WAL", "SCO", "NUK", "NIR"})

# English local authorities: the DfE's three-digit LA code -> (ONS code, name), every authority in
# the DfE statistics releases 2013 to 2025 (Dorset's 835-837 to 2019; Cumbria 909 and
# Northamptonshire 928 before their reorganisations). Derived from the underlying data of the DfE
# releases "Children looked after in England" and "Children in need" (old_la_code, new_la_code,
# la_name). Contains public sector information licensed under the Open Government Licence v3.0.
# Source: Department for Education.
ENGLISH_LA_CODES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "201": ("E09000001", "City of London"),
        "202": ("E09000007", "Camden"),
        "203": ("E09000011", "Greenwich"),
        "204": ("E09000012", "Hackney"),
        "205": ("E09000013", "Hammersmith and Fulham"),
        "206": ("E09000019", "Islington"),
        "207": ("E09000020", "Kensington and Chelsea"),
        "208": ("E09000022", "Lambeth"),
        "209": ("E09000023", "Lewisham"),
        "210": ("E09000028", "Southwark"),
        "211": ("E09000030", "Tower Hamlets"),
        "212": ("E09000032", "Wandsworth"),
        "213": ("E09000033", "Westminster"),
        "301": ("E09000002", "Barking and Dagenham"),
        "302": ("E09000003", "Barnet"),
        "303": ("E09000004", "Bexley"),
        "304": ("E09000005", "Brent"),
        "305": ("E09000006", "Bromley"),
        "306": ("E09000008", "Croydon"),
        "307": ("E09000009", "Ealing"),
        "308": ("E09000010", "Enfield"),
        "309": ("E09000014", "Haringey"),
        "310": ("E09000015", "Harrow"),
        "311": ("E09000016", "Havering"),
        "312": ("E09000017", "Hillingdon"),
        "313": ("E09000018", "Hounslow"),
        "314": ("E09000021", "Kingston upon Thames"),
        "315": ("E09000024", "Merton"),
        "316": ("E09000025", "Newham"),
        "317": ("E09000026", "Redbridge"),
        "318": ("E09000027", "Richmond upon Thames"),
        "319": ("E09000029", "Sutton"),
        "320": ("E09000031", "Waltham Forest"),
        "330": ("E08000025", "Birmingham"),
        "331": ("E08000026", "Coventry"),
        "332": ("E08000027", "Dudley"),
        "333": ("E08000028", "Sandwell"),
        "334": ("E08000029", "Solihull"),
        "335": ("E08000030", "Walsall"),
        "336": ("E08000031", "Wolverhampton"),
        "340": ("E08000011", "Knowsley"),
        "341": ("E08000012", "Liverpool"),
        "342": ("E08000013", "St. Helens"),
        "343": ("E08000014", "Sefton"),
        "344": ("E08000015", "Wirral"),
        "350": ("E08000001", "Bolton"),
        "351": ("E08000002", "Bury"),
        "352": ("E08000003", "Manchester"),
        "353": ("E08000004", "Oldham"),
        "354": ("E08000005", "Rochdale"),
        "355": ("E08000006", "Salford"),
        "356": ("E08000007", "Stockport"),
        "357": ("E08000008", "Tameside"),
        "358": ("E08000009", "Trafford"),
        "359": ("E08000010", "Wigan"),
        "370": ("E08000016", "Barnsley"),
        "371": ("E08000017", "Doncaster"),
        "372": ("E08000018", "Rotherham"),
        "373": ("E08000019", "Sheffield"),
        "380": ("E08000032", "Bradford"),
        "381": ("E08000033", "Calderdale"),
        "382": ("E08000034", "Kirklees"),
        "383": ("E08000035", "Leeds"),
        "384": ("E08000036", "Wakefield"),
        "390": ("E08000037", "Gateshead"),
        "391": ("E08000021", "Newcastle upon Tyne"),
        "392": ("E08000022", "North Tyneside"),
        "393": ("E08000023", "South Tyneside"),
        "394": ("E08000024", "Sunderland"),
        "420": ("E06000053", "Isles of Scilly"),
        "800": ("E06000022", "Bath and North East Somerset"),
        "801": ("E06000023", "Bristol, City of"),
        "802": ("E06000024", "North Somerset"),
        "803": ("E06000025", "South Gloucestershire"),
        "805": ("E06000001", "Hartlepool"),
        "806": ("E06000002", "Middlesbrough"),
        "807": ("E06000003", "Redcar and Cleveland"),
        "808": ("E06000004", "Stockton-on-Tees"),
        "810": ("E06000010", "Kingston upon Hull, City of"),
        "811": ("E06000011", "East Riding of Yorkshire"),
        "812": ("E06000012", "North East Lincolnshire"),
        "813": ("E06000013", "North Lincolnshire"),
        "815": ("E06000065", "North Yorkshire"),
        "816": ("E06000014", "York"),
        "821": ("E06000032", "Luton"),
        "822": ("E06000055", "Bedford"),
        "823": ("E06000056", "Central Bedfordshire"),
        "825": ("E06000060", "Buckinghamshire"),
        "826": ("E06000042", "Milton Keynes"),
        "830": ("E10000007", "Derbyshire"),
        "831": ("E06000015", "Derby"),
        "835": ("E10000009", "Dorset"),
        "836": ("E06000029", "Poole"),
        "837": ("E06000028", "Bournemouth"),
        "838": ("E06000059", "Dorset"),
        "839": ("E06000058", "Bournemouth, Christchurch and Poole"),
        "840": ("E06000047", "County Durham"),
        "841": ("E06000005", "Darlington"),
        "845": ("E10000011", "East Sussex"),
        "846": ("E06000043", "Brighton and Hove"),
        "850": ("E10000014", "Hampshire"),
        "851": ("E06000044", "Portsmouth"),
        "852": ("E06000045", "Southampton"),
        "855": ("E10000018", "Leicestershire"),
        "856": ("E06000016", "Leicester"),
        "857": ("E06000017", "Rutland"),
        "860": ("E10000028", "Staffordshire"),
        "861": ("E06000021", "Stoke-on-Trent"),
        "865": ("E06000054", "Wiltshire"),
        "866": ("E06000030", "Swindon"),
        "867": ("E06000036", "Bracknell Forest"),
        "868": ("E06000040", "Windsor and Maidenhead"),
        "869": ("E06000037", "West Berkshire"),
        "870": ("E06000038", "Reading"),
        "871": ("E06000039", "Slough"),
        "872": ("E06000041", "Wokingham"),
        "873": ("E10000003", "Cambridgeshire"),
        "874": ("E06000031", "Peterborough"),
        "876": ("E06000006", "Halton"),
        "877": ("E06000007", "Warrington"),
        "878": ("E10000008", "Devon"),
        "879": ("E06000026", "Plymouth"),
        "880": ("E06000027", "Torbay"),
        "881": ("E10000012", "Essex"),
        "882": ("E06000033", "Southend-on-Sea"),
        "883": ("E06000034", "Thurrock"),
        "884": ("E06000019", "Herefordshire, County of"),
        "885": ("E10000034", "Worcestershire"),
        "886": ("E10000016", "Kent"),
        "887": ("E06000035", "Medway"),
        "888": ("E10000017", "Lancashire"),
        "889": ("E06000008", "Blackburn with Darwen"),
        "890": ("E06000009", "Blackpool"),
        "891": ("E10000024", "Nottinghamshire"),
        "892": ("E06000018", "Nottingham"),
        "893": ("E06000051", "Shropshire"),
        "894": ("E06000020", "Telford and Wrekin"),
        "895": ("E06000049", "Cheshire East"),
        "896": ("E06000050", "Cheshire West and Chester"),
        "908": ("E06000052", "Cornwall"),
        "909": ("E10000006", "Cumbria"),
        "916": ("E10000013", "Gloucestershire"),
        "919": ("E10000015", "Hertfordshire"),
        "921": ("E06000046", "Isle of Wight"),
        "925": ("E10000019", "Lincolnshire"),
        "926": ("E10000020", "Norfolk"),
        "928": ("E10000021", "Northamptonshire"),
        "929": ("E06000057", "Northumberland"),
        "931": ("E10000025", "Oxfordshire"),
        "933": ("E06000066", "Somerset"),
        "935": ("E10000029", "Suffolk"),
        "936": ("E10000030", "Surrey"),
        "937": ("E10000031", "Warwickshire"),
        "938": ("E10000032", "West Sussex"),
        "940": ("E06000061", "North Northamptonshire"),
        "941": ("E06000062", "West Northamptonshire"),
        "942": ("E06000063", "Cumberland"),
        "943": ("E06000064", "Westmorland and Furness"),
    }
)


def _code_ranges(*spans: tuple[int, int]) -> frozenset[str]:
    return frozenset(f"{n:03d}" for first, last in spans for n in range(first, last + 1))


# CIN census rule 1530: characters 2-4 of a UPN must be a post-April-1998 LA code or a DfE "pseudo
# LA" code. The ranges are the rule's own list (DfE CIN census validation rules); the English LA
# codes above add the authorities created since (940-943).
UPN_LA_CODES: Final = _code_ranges(
    (1, 5),
    (201, 213),
    (301, 320),
    (330, 336),
    (340, 344),
    (350, 359),
    (370, 373),
    (380, 384),
    (390, 394),
    (420, 420),
    (660, 681),
    (701, 708),
    (800, 803),
    (805, 808),
    (810, 813),
    (815, 816),
    (820, 823),
    (825, 826),
    (830, 831),
    (835, 841),
    (845, 846),
    (850, 852),
    (855, 857),
    (860, 861),
    (865, 896),
    (908, 909),
    (916, 916),
    (919, 919),
    (921, 921),
    (925, 926),
    (928, 929),
    (931, 931),
    (933, 933),
    (935, 938),
    (940, 941),
) | frozenset(ENGLISH_LA_CODES)
# The UPN check letters (DfE, "A guide to the unique pupil number"): A-Z without I, O and S, the
# n-th letter standing for remainder n (CIN rule 1510); also the letters allowed as character 13
# of a temporary UPN, where the letter counts as its position in this string (rule 1550).
UPN_CHECK_LETTERS: Final = "ABCDEFGHJKLMNPQRTUVWXYZ"
# CIN ReasonForClosure codes for a case closed after assessment (RC8 no further action, RC9
# referred to early help; rules 2990, 8825Q, 8873Q).
CLOSED_AFTER_ASSESSMENT: Final = frozenset({"RC8", "RC9"})
# CIN UPNunknown reasons that explain a missing UPN for a child of school age: all but UN1 ("child
# is not of school age"; rule 8770Q).
UPN_UNKNOWN_SCHOOL_AGE: Final = frozenset({"UN2", "UN3", "UN4", "UN5", "UN6", "UN7"})


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


def english_la_code(code: str) -> str | None:
    """The three-digit DfE code of the English local authority whose DfE or ONS code `code` is
    ("e08000025" -> "330"), or None when it is no English authority's."""
    wanted = code.strip().upper()
    if wanted in ENGLISH_LA_CODES:
        return wanted
    return next((dfe for dfe, (ons, _) in ENGLISH_LA_CODES.items() if ons == wanted), None)

"""Code lists by collection year (specs/ssda903.md, cin-census.md)."""

from __future__ import annotations

from datetime import date

import pytest

from safeguard.core.codes import YEARS, codes_for, collection_year, is_valid


def test_place_2025_26_adds_k3_and_z11_and_drops_h5_p2() -> None:
    place = codes_for("PLACE", "2025/26")
    assert {"K3", "Z11", "Z12", "Z13", "Z14"} <= set(place)
    assert not {"H5", "P2", "Z1"} & set(place)


def test_place_2024_25_still_has_h5_p2_and_z1() -> None:
    place = codes_for("PLACE", "2024/25")
    assert {"H5", "P2", "Z1", "K3"} <= set(place)
    assert "Z11" not in place


def test_later_years_inherit_unchanged_lists() -> None:
    assert codes_for("PLACE", "2026/27") == codes_for("PLACE", "2025/26")
    assert codes_for("REC", "2026/27") == codes_for("REC", "2024/25")


def test_primary_need_n1_wording_changes_in_2025_26() -> None:
    assert codes_for("PrimaryNeedCode", "2024/25")["N1"] == "Abuse or neglect"
    assert codes_for("PrimaryNeedCode", "2025/26")["N1"] == "Abuse, neglect and exploitation"


@pytest.mark.parametrize(
    ("name", "code", "valid"),
    [
        ("RNE", "S", True),
        ("RNE", "X", False),
        ("LS", "V3", True),
        ("SEX", "1", False),
        ("SEX", "U", True),
        ("ReasonForClosure", "RC9", True),
        ("CategoryOfAbuse", "MUL", True),
        ("UPNunknown", "UN7", True),
        ("UPNunknown", "UN8", False),
        ("Disability", "AUT", True),
        ("IN_TOUCH", "RHOM", True),
        ("ACTIV", "F3", False),
        ("REASON_PLACE_CHANGE", "CUSTOD", True),
        ("REASON_PLACED_CEASED", "RD4", True),
        ("MISSING", "A", True),
    ],
)
def test_codes_by_list(name: str, code: str, valid: bool) -> None:
    for year in YEARS:
        assert is_valid(name, year, code) is valid


def test_unknown_list_and_bad_year_fail_loudly() -> None:
    with pytest.raises(KeyError, match="unknown code list"):
        codes_for("NOPE", "2024/25")
    with pytest.raises(ValueError, match="collection year"):
        codes_for("PLACE", "2025")


def test_years_before_and_after_the_lists_use_the_nearest_list() -> None:
    assert codes_for("PLACE", "2019/20") == codes_for("PLACE", "2024/25")
    assert codes_for("PLACE", "2030/31") == codes_for("PLACE", "2026/27")


def test_collection_year_boundaries() -> None:
    assert collection_year(date(2025, 3, 31)) == "2024/25"
    assert collection_year(date(2025, 4, 1)) == "2025/26"
    assert collection_year(date(2099, 12, 1)) == "2099/00"


def test_describe_gives_plain_words_or_the_code_itself() -> None:
    from safeguard.core.codes import describe

    assert describe("CategoryOfAbuse", "NEG") == "Neglect"
    assert describe("REVIEW_CODE", "PN0") == "Child aged under 4 at the time of the review"
    assert describe("PLACE", "H5").startswith("Semi-independent")  # withdrawn in 2025/26
    assert describe("ReferralSource", "ZZ") == "ZZ"
    assert describe("ReferralSource", "") == ""


def test_english_la_codes_by_dfe_or_ons_code() -> None:
    from safeguard.core.codes import english_la_code

    assert english_la_code("330") == english_la_code(" e08000025 ") == "330"
    assert english_la_code("999") is None and english_la_code("") is None

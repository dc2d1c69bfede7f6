"""The return-agnostic validation engine: registry by year, skipped and failed rules, issues."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from safeguard.returns.engine import (
    ROW,
    CatalogueEntry,
    Rule,
    Submission,
    catalogue_for,
    flagged,
    rules_for,
    validate,
)


@dataclass(frozen=True)
class FakeReturn:
    tables: Mapping[str, pl.DataFrame]
    year: str = "2025/26"


def _flag_all(submission: Submission) -> pl.DataFrame:
    return flagged(submission.tables["T"], "T")


def _boom(submission: Submission) -> pl.DataFrame:
    raise ValueError("column X is not there")


TABLE = pl.DataFrame(
    {
        ROW: [2, 3],
        "CHILD": ["a", None],
        "CODE": ["X", None],
        "WHEN": [None, None],
        "WHEN__text": ["31/02/2025", None],
    },
    schema_overrides={"WHEN": pl.Date},
)


def test_run_skip_fail_and_issue_values() -> None:
    rules = [
        Rule("1", "Flag all.", ("CODE", "WHEN", "ABSENT"), ("T",), "error", _flag_all),
        Rule("2", "Needs U.", ("CODE",), ("T", "U"), "query", _flag_all),
        Rule("3", "Crashes.", ("CODE",), ("T",), "error", _boom),
    ]
    result = validate(FakeReturn({"T": TABLE}), rules)
    assert result.rules_run == ("1",)
    assert [(s.code, s.missing_tables) for s in result.rules_skipped] == [("2", ("U",))]
    assert [(f.code, f.reason) for f in result.rules_failed] == [
        ("3", "ValueError: column X is not there")
    ]
    assert result.issues.to_dicts() == [
        {
            "rule": "1",
            "type": "error",
            "child": "a",
            "table": "T",
            "row": 2,
            "fields": ["CODE", "WHEN"],
            "values": ["X", "31/02/2025"],
            "message": "Flag all.",
        },
        {
            "rule": "1",
            "type": "error",
            "child": None,
            "table": "T",
            "row": 3,
            "fields": ["CODE", "WHEN"],
            "values": [None, None],
            "message": "Flag all.",
        },
    ]


def test_a_rule_returning_the_wrong_shape_is_failed_not_hidden() -> None:
    rule = Rule("9", "Bad.", (), ("T",), "error", lambda s: pl.DataFrame({"x": [1]}))
    result = validate(FakeReturn({"T": TABLE}), [rule])
    assert result.rules_run == ()
    assert result.rules_failed[0].code == "9"


@pytest.fixture
def fake_rules(tmp_path: Path) -> Iterator[str]:
    """A rules package with a 2025/26 folder and a 2026/27 folder that changes and deletes."""
    root = tmp_path / "fakerules"
    rule = textwrap.dedent(
        """
        import polars as pl
        from safeguard.returns.engine import Rule, flagged
        RULE = Rule({code!r}, {message!r}, (), ("T",), "error", lambda s: flagged(s.tables["T"], "T"))
        """
    )
    files = {
        "y2025_26/rule_1.py": rule.format(code="1", message="One."),
        "y2025_26/rule_2.py": rule.format(code="2", message="Two."),
        "y2025_26/rule_10.py": rule.format(code="10", message="Ten."),
        "y2026_27/rule_1.py": rule.format(code="1", message="One, reworded."),
        "y2026_27/rule_2.py": "from safeguard.returns.engine import Deleted\nRULE = Deleted('2')\n",
        "y2026_27/rule_3.py": rule.format(code="3", message="Three."),
    }
    for name, text in files.items():
        path = root / "ssda903" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for folder in (root, root / "ssda903", root / "ssda903/y2025_26", root / "ssda903/y2026_27"):
        (folder / "__init__.py").write_text("")
    sys.path.insert(0, str(tmp_path))
    yield "fakerules"
    sys.path.remove(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("fakerules")]:
        del sys.modules[name]
    rules_for.cache_clear()


def test_year_folders_add_change_and_delete(fake_rules: str) -> None:
    first = rules_for("ssda903", "2025/26", fake_rules)
    assert [(r.code, r.message) for r in first] == [("1", "One."), ("2", "Two."), ("10", "Ten.")]
    later = rules_for("ssda903", "2026/27", fake_rules)
    assert [(r.code, r.message) for r in later] == [
        ("1", "One, reworded."),
        ("3", "Three."),
        ("10", "Ten."),
    ]
    # a year outside the folders held is refused rather than checked with another year's rules
    for year in ("2024/25", "2027/28"):
        with pytest.raises(ValueError, match=f"no ssda903 rules for collection year {year}"):
            rules_for("ssda903", year, fake_rules)


def test_engine_and_returns_never_import_django() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "safeguard" / "returns"
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import django" not in text and "from django" not in text, path
        assert "safeguard.web" not in text and "safeguard.cli" not in text, path


def test_catalogue_rules_without_an_implementation_are_reported() -> None:
    rules = [Rule("1", "Flag all.", ("CODE",), ("T",), "error", _flag_all)]
    catalogue = [
        CatalogueEntry("1", "Flag all.", ("CODE",), ("T",)),
        CatalogueEntry("2", "Not written yet.", ("CODE",), ("T",)),
    ]
    result = validate(FakeReturn({"T": TABLE}), rules, catalogue)
    assert result.rules_run == ("1",)
    assert [e.code for e in result.rules_not_implemented] == ["2"]


def test_shipped_catalogue_has_each_years_rules_once() -> None:
    for year, count in (("2025/26", 311), ("2026/27", 322)):
        entries = catalogue_for("ssda903", year)
        assert len(entries) == count
        assert len({e.code for e in entries}) == count
        assert all(e.message and e.tables for e in entries)
    assert catalogue_for("ssda903", "2019/20") == ()

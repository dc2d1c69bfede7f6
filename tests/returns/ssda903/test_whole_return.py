"""Every 2025/26 rule on a whole synthetic return: none fails, none is skipped when every table is
given, and valid data raises no error; deliberately broken data makes rules fire."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from safeguard.returns.engine import rules_for
from safeguard.returns.ssda903.reader import COUNCIL, PROVIDERS
from safeguard.returns.validation import validate_903

BENCH = Path(__file__).resolve().parents[3] / "bench" / "validate_903_bench.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("validate_903_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_valid_synthetic_return_runs_every_rule_cleanly(tmp_path: Path, bench: ModuleType) -> None:
    bench.generate(tmp_path, 400, seed=7)
    current, previous = sorted(tmp_path.glob("*.csv")), sorted(tmp_path.glob("previous/*.csv"))
    _, result = validate_903(current, previous, year="2025/26")
    assert result.rules_failed == ()
    # Only what a return does not hold is missing: the council's LA code and the Ofsted provider
    # table (their rules run in test_rules_context_and_uasc.py).
    assert {t for s in result.rules_skipped for t in s.missing_tables} == {COUNCIL, PROVIDERS}
    assert set(result.rules_run) | {s.code for s in result.rules_skipped} == {
        r.code for r in rules_for("ssda903", "2025/26")
    }
    assert result.issues.filter(result.issues["type"] == "error").is_empty()


def test_broken_return_makes_rules_fire(tmp_path: Path, bench: ModuleType) -> None:
    bench.generate(tmp_path, 200, seed=8)
    episodes = tmp_path / "episodes.csv"
    lines = episodes.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[2] = "Q"  # RNE
    cells[5] = "H5"  # PLACE, withdrawn in 2025/26
    lines[1] = ",".join(cells)
    episodes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, result = validate_903(sorted(tmp_path.glob("*.csv")), year="2025/26")
    fired = set(result.issues.filter(result.issues["row"] == 2)["rule"].to_list())
    assert {"143", "146"} <= fired

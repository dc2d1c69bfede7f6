"""Running `safeguard` on a hostile file: refused with exit code 2, in bounded memory."""

from __future__ import annotations

import resource
import tracemalloc

import pytest

from safeguard.cli import main

MB = 1024**2


def refused_in_bounded_memory(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command; assert it exits 2 without a traceback, Python's peak allocation stays
    under 64 MB and the process's peak RSS grows by under 256 MB; return what it printed to
    stderr (for the caller to check the file and reason are named)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    try:
        code = main(argv)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert peak < 64 * MB
    assert growth < 256 * MB
    return err

"""Shared fixtures: where the sample articles are (read at run time, never copied into the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the sample articles are expected at {CORPUS}"
    return CORPUS

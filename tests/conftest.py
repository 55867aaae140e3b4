"""Shared fixtures: where the sample articles are (read at run time, never copied into the repo), and the
invented event table of tests/fixtures/export that the export tests share (`sources`, `view`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline.dataset import events_with_sources, load_events, load_sources

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXPORT_FIXTURE = Path(__file__).parent / "fixtures" / "export"


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the sample articles are expected at {CORPUS}"
    return CORPUS


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    """The cited articles of the invented export table (fresh for each test module, which may change it)."""
    return load_sources(EXPORT_FIXTURE)


@pytest.fixture(scope="module")
def view(sources: pd.DataFrame) -> pd.DataFrame:
    """The invented export table joined with its sources."""
    return events_with_sources(load_events(EXPORT_FIXTURE), sources)

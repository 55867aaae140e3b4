"""Streamlit glue shared by every page: the event table, the sidebar filters bound to the URL, event details.

INTERFACE (stable; others build on it):
    load_table(include_rejected=False) -> DataFrame   bundled data + the user's store, reviews applied
    sidebar_filters(df) -> Filters                     sidebar widgets bound to st.query_params, reset button
    current_view() -> (DataFrame, Filters)             the filtered table the page shows (export/present use it)
    filtered_table() -> (table, view, Filters); sidebar(table, view)   the same in two steps, so a page can
                                                       draw its chart before the sidebar's widgets
    guard()                                            context manager: TimelineError → st.error, never a traceback
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline.dataset import events_with_sources, load_events, load_sources
from timeline.errors import DataError, StoreError, TimelineError
from timeline.evidence import CORPUS, find_file, parse_evidence, sentence_at
from timeline.filters import QUERY_KEYS, Filters, apply_filters, date_bounds, options
from timeline.store import Store
from timeline.table import combine, empty_events, merge_sources
from timeline.timex import describe

FILTER_FIELDS: tuple[tuple[str, str], ...] = (
    ("suppliers", "Supplier"),
    ("recipients", "Recipient"),
    ("item_classes", "Item class"),
    ("kinds", "Kind"),
    ("claimants", "Who says so"),
    ("grains", "Date precision"),
    ("bases", "Date basis"),
    ("publishers", "Publisher"),
)
MIN_DAY, MAX_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
_STATE = "_filters"


@contextmanager
def guard() -> Iterator[None]:
    """Show a user-caused error as a message a person can act on and stop the page (no traceback)."""
    try:
        yield
    except TimelineError as e:
        st.error(str(e))
        st.stop()


def use_app_navigation() -> None:
    """Make a page URL opened on a freshly started server go through app.py's navigation.

    Streamlit runs a page named in the URL on its own (its old `pages/` folder mode) until some run has
    called st.navigation; that page would miss app.py's layout and menu. Switch that mode off and rerun.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the old mode
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        if not st.session_state.get("_navigation_seen"):
            st.rerun()  # only on a session's first run, so no click is ever lost to it
    st.session_state["_navigation_seen"] = True


def store() -> Store:
    """The user's store ($SUPPLY_LINES_HOME, else ~/.local/share/supply-lines), read afresh on every run."""
    return Store()


# --- the table ---------------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False)
def bundled_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    """data/events.csv joined with data/sources.csv (cached: the bundled files change only with the code)."""
    sources = load_sources()
    return events_with_sources(load_events(), sources), sources


@st.cache_data(show_spinner=False, max_entries=512)
def article_text(path: str, mtime: float) -> str | None:
    """The cleaned text of an article file (offsets of evidence point into it); None when unreadable."""
    try:
        from timeline.articles import read_article

        return read_article(path).text
    except (TimelineError, ImportError, OSError):
        return None


def article_folders() -> list[Path]:
    return [CORPUS, store().uploads]


def article_path(file: str | None) -> Path | None:
    return find_file(file, article_folders())


def evidence_sentences(df: pd.DataFrame, sources: pd.DataFrame) -> list[str | None]:
    """The first cited sentence of each event when its article file is at hand."""
    files = dict(zip(sources["source_id"], sources["file"], strict=True)) if len(sources) else {}
    out: list[str | None] = []
    for cell in df["evidence"] if "evidence" in df else [None] * len(df):
        sentence = None
        for c in parse_evidence(cell if isinstance(cell, str) else None):
            path = article_path(files.get(c.source_id))
            text = article_text(str(path), path.stat().st_mtime) if path else None
            sentence = sentence_at(text, c.start, c.end) if text else None
            if sentence:
                break
        out.append(sentence)
    return out


def load_sources_table() -> pd.DataFrame:
    """Every cited article: the bundled sources, then those the user added (theirs win on the same id)."""
    frames = []
    try:
        frames.append(bundled_data()[1])
    except DataError as e:
        st.error(f"The bundled data cannot be read: {e}")
    try:
        frames.append(store().sources())
    except StoreError as e:
        st.error(str(e))
    return merge_sources(*frames)


def load_table(include_rejected: bool = False) -> pd.DataFrame:
    """Bundled events + the user's added events, reviews applied, with the evidence sentence when at hand."""
    try:
        bundled = bundled_data()[0]
    except DataError as e:
        st.error(f"The bundled data cannot be read: {e}")
        bundled = empty_events()
    sources = load_sources_table()
    try:
        added, reviews = store().events(), store().reviews()
    except StoreError as e:
        st.error(str(e))
        added, reviews = empty_events(), []
    table = combine(bundled, added, sources, reviews, include_rejected=include_rejected)
    table["sentence"] = evidence_sentences(table, sources)
    return table


# --- filters in the sidebar, state in the URL ----------------------------------------------------------------

def _key(field: str) -> str:
    return f"filter_{field}"


def _initial() -> Filters:
    state = st.session_state.get(_STATE)
    return state if isinstance(state, Filters) else Filters.from_query_params(st.query_params)


def _clamp(day: dt.date | None) -> dt.date | None:
    return None if day is None else min(max(day, MIN_DAY), MAX_DAY)


def reset_filters() -> None:
    """Clear every filter, in the widgets and in the URL (a button callback)."""
    for field, _ in FILTER_FIELDS:
        st.session_state[_key(field)] = []
    st.session_state[_key("date_from")] = None
    st.session_state[_key("date_to")] = None
    st.session_state[_key("search")] = ""
    st.session_state[_STATE] = Filters()
    for k in QUERY_KEYS:
        if k in st.query_params:
            del st.query_params[k]


def _write_params(f: Filters) -> None:
    wanted = f.to_query_params()
    for k in QUERY_KEYS:
        if k in wanted:
            if st.query_params.get(k) != wanted[k]:
                st.query_params[k] = wanted[k]
        elif k in st.query_params:
            del st.query_params[k]


def chosen_filters(df: pd.DataFrame) -> Filters:
    """The filters the sidebar widgets hold (on a session's first run, those the URL gives), without drawing them.

    Seeds each widget's state, dropping choices the table no longer has, so the widgets drawn later show the
    same filters; a page can then draw its chart before the sidebar.
    """
    start = _initial()
    chosen: dict[str, object] = {}
    for field, _ in FILTER_FIELDS:
        choices = set(options(df, field))
        key = _key(field)
        current = st.session_state.get(key, list(getattr(start, field)))
        st.session_state[key] = [v for v in current if v in choices]
        chosen[field] = tuple(st.session_state[key])
    for name, default in (("date_from", start.date_from), ("date_to", start.date_to)):
        key = _key(name)
        st.session_state[key] = _clamp(st.session_state.get(key, default))
        chosen[name] = st.session_state[key]
    key = _key("search")
    st.session_state[key] = str(st.session_state.get(key, start.search))[:200]
    chosen["search"] = st.session_state[key]
    return Filters(**chosen)  # type: ignore[arg-type]


def filter_widgets(df: pd.DataFrame) -> Filters:
    """Sidebar widgets for every filter, from the state chosen_filters() seeded; the filters go to the URL."""
    chosen: dict[str, object] = {}
    with st.sidebar:
        st.header("Filters")
        for field, label in FILTER_FIELDS:
            chosen[field] = tuple(st.multiselect(label, options(df, field), key=_key(field), placeholder="All"))
        bounds = date_bounds(df)
        for name, label in (("date_from", "From"), ("date_to", "To")):
            chosen[name] = st.date_input(
                label, key=_key(name), min_value=MIN_DAY, max_value=MAX_DAY, format="YYYY-MM-DD",
                help=f"Events from {bounds[0]} to {bounds[1]}" if bounds else None,
            )
        chosen["search"] = st.text_input(
            "Search", key=_key("search"), placeholder="items, notes, claimants, sentences", max_chars=200
        )
        st.button("Reset filters", on_click=reset_filters, key="filter_reset")
    f = Filters(**chosen)  # type: ignore[arg-type]
    st.session_state[_STATE] = f
    _write_params(f)
    return f


def sidebar_filters(df: pd.DataFrame) -> Filters:
    """Sidebar widgets for every filter, seeded from the URL on a session's first run and written back to it."""
    chosen_filters(df)
    return filter_widgets(df)


def count_text(shown: int, total: int) -> str:
    return f"{shown} of {total} event{'s' if total != 1 else ''}"


def filtered_table() -> tuple[pd.DataFrame, pd.DataFrame, Filters]:
    """(table, view, filters): the rows that pass the filters chosen_filters() reads, before any widget is drawn."""
    use_app_navigation()
    df = load_table()
    f = chosen_filters(df)
    st.session_state["_table_size"] = len(df)
    return df, apply_filters(df, f), f


def sidebar(df: pd.DataFrame, view: pd.DataFrame) -> None:
    """The filter widgets and the count of events shown."""
    filter_widgets(df)
    st.sidebar.markdown(f"**{count_text(len(view), len(df))}**")


def current_view() -> tuple[pd.DataFrame, Filters]:
    """The table, the sidebar, and the rows that pass the filters (what every page shows)."""
    df, view, f = filtered_table()
    sidebar(df, view)
    return view, f


def table_size() -> int:
    """How many events the last current_view() had before filtering."""
    return int(st.session_state.get("_table_size", 0))


def seed_choice(choices: Sequence[str], param: str, default: str, key: str) -> str:
    """Give widget `key` its value from the URL on first use (or when its value is no longer a choice)."""
    if key not in st.session_state or st.session_state[key] not in choices:
        wanted = st.query_params.get(param, default)
        st.session_state[key] = wanted if wanted in choices else (default if default in choices else choices[0])
    return str(st.session_state[key])


def url_choice(
    label: str, choices: Sequence[str], param: str, default: str, key: str,
    format_func: Callable[[str], str] = str, radio: bool = False,
) -> str:
    """A selectbox (or horizontal radio) whose value lives in the URL parameter `param`."""
    if not choices:
        return default
    seed_choice(choices, param, default, key)
    if radio:
        value = st.radio(label, choices, key=key, format_func=format_func, horizontal=True)
    else:
        value = st.selectbox(label, choices, key=key, format_func=format_func)
    if value == default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
    return value


# --- showing text safely ---------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:$~=^])")


def md(text: object) -> str:
    """User or article text made inert for st.markdown: every Markdown/HTML character backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None or text is pd.NA else str(text)).replace("\n", " ")


def safe_url(url: object) -> str | None:
    return url if isinstance(url, str) and re.fullmatch(r"https?://[^\s\"'<>]+", url) else None


def event_label(row: pd.Series) -> str:
    """One line naming an event in a picker: date in words · supplier → recipient · item (kind)."""
    when = describe(row.get("date") if isinstance(row.get("date"), str) else None)
    recipient = row.get("recipient") if isinstance(row.get("recipient"), str) else "?"
    return f"{when} · {row.get('supplier')} → {recipient} · {row.get('item')} ({row.get('kind')})"


# --- one event in full -----------------------------------------------------------------------------------------

DETAIL_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "Date (TIMEX3)"), ("grain", "Precision"), ("date_start", "First day"), ("date_end", "Last day"),
    ("date_text", "Date as the text gives it"), ("date_basis", "Date basis"), ("supplier", "Supplier"),
    ("recipient", "Recipient"), ("item", "Item"), ("item_class", "Item class"), ("quantity", "Quantity"),
    ("quantity_value", "Quantity (number)"), ("kind", "Kind"), ("attributed_to", "Who says so"),
    ("note", "Note"), ("origin", "Origin"), ("status", "Review"), ("reviewed_by", "Reviewed by"),
    ("reviewed_at", "Reviewed at"), ("original", "Corrected from"), ("id", "Event id"),
)
MARK_STYLE = {"date": "background:#ffd966;padding:0 2px", "actor": "background:#bfe0ff;padding:0 2px"}


def _value(v: object) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return str(v)


def event_detail(row: pd.Series, sources: pd.DataFrame) -> None:
    """Every field, every source with its link, and the evidence sentence with date and actors marked."""
    from timeline.evidence import highlight, marks_for

    when = describe(row.get("date") if isinstance(row.get("date"), str) else None)
    st.subheader(md(f"{row.get('supplier')} → {_value(row.get('recipient')) or '?'}: {row.get('item')}"))
    st.caption(md(f"{when} · {row.get('kind')} · {row.get('item_class')}"))
    fields = pd.DataFrame(
        [(label, _value(row.get(col))) for col, label in DETAIL_FIELDS if _value(row.get(col))],
        columns=["Field", "Value"],
    )
    left, right = st.columns([1, 1])
    with left:
        st.dataframe(fields, hide_index=True, width="stretch", height=35 * (len(fields) + 1) + 3,
                     key=f"detail_fields_{row.get('id')}",
                     column_config={"Field": st.column_config.TextColumn(width="medium"),
                                    "Value": st.column_config.TextColumn(width="large")})
        if _value(row.get("note")):
            st.caption(md(row.get("note")))
    with right:
        st.markdown("**Sources**")
        by_id = sources.set_index("source_id") if len(sources) else None
        ids = [s.strip() for s in str(row.get("source_ids") or "").split(";") if s.strip()]
        cited = {c.source_id: c for c in parse_evidence(row.get("evidence") if isinstance(
            row.get("evidence"), str) else None)}
        for sid in ids:
            src = by_id.loc[sid] if by_id is not None and sid in by_id.index else None
            if src is None:
                st.markdown(f"- {md(sid)} (not in the sources list)")
                continue
            url = safe_url(src.get("url"))
            title = md(src.get("headline") or sid)
            link = f"[{title}]({url})" if url else title
            st.markdown(f"- {md(src.get('publisher'))}, {link}, {md(src.get('published') or 'undated')}")
            citation = cited.get(sid)
            if citation is None:
                st.caption("No sentence cited for this source.")
                continue
            path = article_path(src.get("file") if isinstance(src.get("file"), str) else None)
            text = article_text(str(path), path.stat().st_mtime) if path else None
            sentence = sentence_at(text, citation.start, citation.end) if text else None
            if sentence:
                marks = marks_for(row.get("date_text") if isinstance(row.get("date_text"), str) else None,
                                  [row.get("supplier"), row.get("recipient")])
                body = highlight(sentence, marks)
                for kind, style in MARK_STYLE.items():
                    body = body.replace(f'<mark class="{kind}">', f'<mark class="{kind}" style="{style}">')
                st.html(f'<blockquote style="border-left:4px solid #999;margin:0;padding:4px 12px">{body}'
                        "</blockquote>")
            else:
                st.info(md(
                    f"The article file {src.get('file') or '(none recorded)'} is not at hand, so the sentence "
                    f"cannot be shown; cited: characters {citation.start}–{citation.end} of {sid}."
                ))

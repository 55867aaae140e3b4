"""Add articles: upload files or name a folder; each file gives its events or a clear error. Then review."""

import streamlit as st

from timeline import ui
from timeline.errors import TimelineError
from timeline.store import CORRECTABLE
from timeline.uploads import ACCEPTED_SUFFIXES, MAX_BYTES, article_files, import_bytes, import_path

KINDS = ("shipment", "agreement", "claim", "denial", "deployment", "plan", "other")

ui.use_app_navigation()
st.title("Add articles")
with ui.guard():
    store = ui.store()
    with st.form("add_form", clear_on_submit=True):
        uploads = st.file_uploader(
            "Article files (.txt, .md, .html)", type=[s.lstrip(".") for s in ACCEPTED_SUFFIXES],
            accept_multiple_files=True, key="uploads",
            help=f"Up to {MAX_BYTES // 1_000_000} MB each. Nothing in them is shown as HTML.",
        )
        folder = st.text_input("…or the path of a folder on this computer", key="folder",
                               placeholder="/home/me/articles")
        published = st.date_input("Publication date, when the files do not say (optional)", value=None,
                                  key="published", format="YYYY-MM-DD")
        submitted = st.form_submit_button("Add articles", type="primary")
    if submitted:
        jobs: list[tuple[str, object]] = [(f.name, f) for f in uploads or []]
        if folder.strip():
            try:
                jobs += [(p.name, p) for p in article_files(folder)]
            except TimelineError as e:
                st.error(ui.md(str(e)))
        if not jobs:
            st.warning("Choose one or more files, or type a folder path, then press Add articles.")
        bar = st.progress(0.0, text="Reading articles…") if len(jobs) > 1 else None
        results = []
        for n, (name, job) in enumerate(jobs, start=1):
            if hasattr(job, "getvalue"):
                results.append(import_bytes(store, name, job.getvalue(), published=published))
            else:
                results.append(import_path(store, job, published=published))
            if bar:
                bar.progress(n / len(jobs), text=f"{n} of {len(jobs)}: {name}")
        st.session_state["import_results"] = [(r.ok, r.line()) for r in results]
    for ok, line in st.session_state.get("import_results", []):
        (st.success if ok else st.error)(ui.md(line))

    st.header("Review extracted events")
    table = ui.load_table(include_rejected=True)
    reviewer = st.text_input("Your name (saved with each decision)", key="reviewer", max_chars=80)
    only_pending = st.toggle("Only events not yet reviewed", value=True, key="review_pending_only")
    pool = table[table["status"] == "pending"] if only_pending else table
    pool = pool.sort_values(["origin", "date_start"], na_position="last")
    if pool.empty:
        st.caption("Nothing waits for review. Added articles' events appear here.")
        st.stop()
    labels = {str(r["id"]): f"[{r['status']}] {ui.event_label(r)}" for _, r in pool.iterrows()}
    event_id = st.selectbox("Event", list(labels), format_func=labels.get, key="review_event")
    row = pool[pool["id"].astype(str) == event_id].iloc[0]
    ui.event_detail(row, ui.load_sources_table())
    accept, reject = st.columns(2)
    if accept.button("Accept", key="review_accept"):
        store.review(event_id, "accept", reviewer)
        st.session_state["review_message"] = f"Accepted {event_id}"
        st.rerun()
    if reject.button("Reject", key="review_reject"):
        store.review(event_id, "reject", reviewer)
        st.session_state["review_message"] = f"Rejected {event_id}: it leaves the timeline"
        st.rerun()
    with st.form("correct_form"):
        st.markdown("**Correct** (the original is kept beside the correction)")
        values = {
            "date": st.text_input("Date (2023-03-15, 2023-03 or 2023)", value=str(row.get("date") or "")),
            "supplier": st.text_input("Supplier", value=str(row.get("supplier") or "")),
            "item": st.text_input("Item", value=str(row.get("item") or "")),
            "kind": st.selectbox("Kind", KINDS, index=KINDS.index(row["kind"]) if row["kind"] in KINDS else 0),
        }
        if st.form_submit_button("Save correction"):
            changes = {k: v for k, v in values.items() if k in CORRECTABLE and v != str(row.get(k) or "")}
            store.review(event_id, "correct", reviewer, changes=changes, original=row.to_dict())
            st.session_state["review_message"] = f"Saved the correction of {event_id}"
            st.rerun()
    if "review_message" in st.session_state:
        st.success(ui.md(st.session_state.pop("review_message")))

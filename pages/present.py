"""Present: step through a story one event at a time, in large type for a classroom.

The story and the step live in the URL (?story=north-korea-russia&step=3) so a lesson can be resumed or shared.
The left and right arrow keys press Previous and Next (st.button's `shortcut`).
"""

from __future__ import annotations

import streamlit as st

from timeline import present, ui

STORY_KEY = "present_story"        # the select box's own key (dropped while another page shows)
KEPT_STORY_KEY = "present_story_id"
STEP_KEY = "present_step"

# Near-black on white (and white on near-black): every pair here has a contrast of at least 7:1.
CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 4.5rem; padding-bottom: 2rem; }
.sl-step { background: #ffffff; color: #111111; font-size: 36px; line-height: 1.25;
  border: 3px solid #111111; border-radius: 12px; padding: 16px 32px 4px 32px; margin: 0; }
.sl-step p { margin: 0 0 14px 0; font-size: inherit; color: inherit; }
.sl-step .sl-progress { font-size: 32px; font-weight: 600; }
.sl-step .sl-count { background: #111111; color: #ffffff; padding: 0 14px; border-radius: 8px; }
.sl-step .sl-date { font-size: 44px; font-weight: 700; }
.sl-step .sl-basis { font-size: 32px; font-weight: 400; }
.sl-step .sl-what { font-size: 44px; font-weight: 500; }
.sl-step .sl-firm, .sl-step .sl-source { font-size: 34px; }
.sl-step .sl-also { font-size: 32px; }
.sl-step a { color: #0a2a66; text-decoration: underline; }
.sl-badge { border: 3px solid #111111; border-radius: 8px; padding: 0 12px; font-weight: 700; color: #111111; }
.sl-confirmed { background: #d7f0df; }
.sl-reported { background: #e1e7f5; }
.sl-claimed { background: #fff1c4; }
.sl-denied { background: #f8d9d9; }
.st-key-present_prev button, .st-key-present_next button { min-height: 72px; padding: 8px 16px;
  background: #ffffff; color: #111111; border: 3px solid #111111; }
.st-key-present_prev button p, .st-key-present_next button p { font-size: 34px; font-weight: 700; }
.st-key-present_prev button kbd, .st-key-present_next button kbd { display: none; }
.st-key-present_prev button:disabled, .st-key-present_next button:disabled { color: #444444;
  border-style: dashed; }
</style>
"""


@st.cache_data(show_spinner=False)
def preset_stories() -> list[present.Story]:
    return present.load_stories()


def choose_story(choices: list[present.Story]) -> present.Story:
    """The story select box, started from the URL the first time the page runs in a session."""
    by_id = {s.id: s for s in choices}
    if KEPT_STORY_KEY not in st.session_state:
        wanted = st.query_params.get("story", "")
        st.session_state[KEPT_STORY_KEY] = wanted if wanted in by_id else present.ALL_EVENTS.id
        st.session_state[STEP_KEY] = st.query_params.get("step", "1")
    if st.session_state.get(STORY_KEY) not in by_id:
        kept = st.session_state[KEPT_STORY_KEY]
        st.session_state[STORY_KEY] = kept if kept in by_id else present.ALL_EVENTS.id
    sid = st.selectbox("Story", list(by_id), format_func=lambda i: by_id[i].title, key=STORY_KEY,
                       on_change=restart)
    st.session_state[KEPT_STORY_KEY] = sid
    return by_id[sid]


def restart() -> None:
    st.session_state[STEP_KEY] = 1


def move(delta: int, total: int) -> None:
    st.session_state[STEP_KEY] = present.step_number(int(st.session_state[STEP_KEY]) + delta, total)


def main() -> None:
    ui.use_app_navigation()
    st.set_page_config(page_title="Present · Supply Lines", layout="wide")
    st.html(CSS)
    with ui.guard():
        view, _ = ui.current_view()
        table = ui.load_table()
        choices = present.story_choices(preset_stories())
    top = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
    with top[0]:
        story = choose_story(choices)
    top[1].markdown(ui.md(story.description))
    source = view if story.id == present.CURRENT_VIEW.id else table
    events = present.story_events(source, story)
    steps = present.build_steps(events)
    if not steps:
        st.info("This story has no events to show. Choose another story, or widen the filters.")
        st.query_params.update({"story": story.id, "step": "1"})
        st.stop()

    number = present.step_number(st.session_state.get(STEP_KEY), len(steps))
    st.session_state[STEP_KEY] = number
    step = steps[number - 1]
    st.query_params.update({"story": story.id, "step": str(number)})

    top[2].button("◀ Previous", key="present_prev", shortcut="Left", disabled=number <= 1,
                  on_click=move, args=(-1, len(steps)), width="stretch")
    top[3].button("Next ▶", key="present_next", shortcut="Right", disabled=number >= len(steps),
                  on_click=move, args=(1, len(steps)), width="stretch")
    if step.date:
        st.plotly_chart(present.story_figure(events, steps, step), theme=None, config={"displayModeBar": False},
                        key="present_chart")
    else:
        st.caption("This event has no date, so it is not on the timeline.")
    st.html(present.step_html(step, story.title))
    st.caption("Keys: ← previous, → next. The address bar keeps the story and the step, to resume or share.")


main()

"""Summary benchmark: the built-in summariser on the hand-labelled gold set.

    python bench/summarize.py [--runs N] [--out bench/results/summarize.json]

Every gold meeting (tests/data/summaries) goes through what the app runs with
no language model, ``minuta.summarize.pipeline.summarize``: the built-in
summariser, its JSON parsed, deadlines resolved against the meeting date,
evidence checked against the lines. The shown items are scored with
``tests/summarize/scoring.py`` (the same code as the tests): action items,
decisions and risks recall and precision (a shown item matches a gold item
when their cited lines overlap, each at most once), due-date accuracy (matched
action items whose labelled date the resolved date equals) and the share of
shown items whose evidence verified, per language and overall.

Timing: the median over ``--runs`` of each meeting's time, then the median and
maximum over meetings; and one synthetic hour-long meeting (1000 lines, the
gold lines repeated) to check the "well under 2 s on one core" goal. The
held-out meetings (tests/data/summaries/heldout, never used to tune the rules)
are scored the same way, as ``heldout_*``. The JSON holds figures only, never
meeting text.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from report import write_report

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "summarize"))  # gold.py and scoring.py

from gold import GoldMeeting, load_gold  # noqa: E402
from scoring import request_for, score  # noqa: E402

from minuta.core.summary import SummaryItem  # noqa: E402
from minuta.summarize.builtin import BUILTIN_VERSION  # noqa: E402
from minuta.summarize.pipeline import summarize  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "summarize.json"
HELDOUT_DIR = REPO / "tests" / "data" / "summaries" / "heldout"
LONG_MEETING_LINES = 1000
TARGET_ACTION_ITEMS = 0.6
TARGET_DUE_DATES = 0.9
TARGET_LONG_MEETING_S = 2.0
FIGURES = (
    "action_item_recall",
    "action_item_precision",
    "due_date_accuracy",
    "decision_recall",
    "decision_precision",
    "risk_recall",
    "risk_precision",
    "verified_share",
)
HEADINGS = {
    "action_item_recall": "AI rec",
    "action_item_precision": "AI prec",
    "due_date_accuracy": "due ok",
    "decision_recall": "dec rec",
    "decision_precision": "dec prec",
    "risk_recall": "risk rec",
    "risk_precision": "risk prec",
    "verified_share": "verified",
}


def _long_meeting(meetings: list[GoldMeeting]) -> GoldMeeting:
    """An hour-long English meeting: the English gold lines repeated to 1000 lines."""
    english = [m for m in meetings if m.language == "en"]
    lines = [s for m in english for s in m.segments]
    repeated = [lines[n % len(lines)] for n in range(LONG_MEETING_LINES)]
    segments = tuple(
        replace(s, id=n + 1, start=3.6 * n, end=3.6 * n + 3.0) for n, s in enumerate(repeated)
    )
    participants = tuple(dict.fromkeys(p for m in english for p in m.participants))
    return replace(english[0], segments=segments, participants=participants)


def _timed(meeting: GoldMeeting) -> tuple[float, list[SummaryItem]]:
    request = request_for(meeting)
    started = time.perf_counter()
    items = summarize(request).items
    return time.perf_counter() - started, list(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    meetings = load_gold()
    shown: dict[str, list[SummaryItem]] = {}
    times: dict[str, list[float]] = {m.id: [] for m in meetings}
    for _ in range(args.runs):
        for meeting in meetings:
            elapsed, items = _timed(meeting)
            times[meeting.id].append(elapsed)
            shown.setdefault(meeting.id, items)  # the result does not change between runs
    figures = score(meetings, lambda m: shown[m.id])
    per_meeting = [statistics.median(t) for t in times.values()]
    long = _long_meeting(meetings)
    long_median = statistics.median(_timed(long)[0] for _ in range(args.runs))

    result: dict[str, object] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "backend": BUILTIN_VERSION,
        "runs": args.runs,
        "cpu_count": os.cpu_count(),
        "meetings": len(meetings),
        "gold_action_items": sum(len(m.action_items) for m in meetings),
    }
    print(f"{'':<10}" + "".join(f"{HEADINGS[name]:>10}" for name in FIGURES))
    for language, values in figures.items():
        print(f"{language:<10}" + "".join(f"{values[name]:>10.2f}" for name in FIGURES))
        suffix = "" if language == "overall" else f"_{language}"
        for name in FIGURES:
            result[f"{name}{suffix}"] = round(values[name], 3)
    result["summarize_median_s"] = round(statistics.median(per_meeting), 4)
    result["summarize_max_s"] = round(max(per_meeting), 4)
    result["long_meeting_lines"] = LONG_MEETING_LINES
    result["summarize_long_meeting_median_s"] = round(long_median, 4)
    overall = figures["overall"]
    result["meets_targets"] = bool(
        overall["action_item_recall"] >= TARGET_ACTION_ITEMS
        and overall["action_item_precision"] >= TARGET_ACTION_ITEMS
        and overall["due_date_accuracy"] >= TARGET_DUE_DATES
        and overall["verified_share"] == 1.0
        and long_median < TARGET_LONG_MEETING_S
    )
    heldout = load_gold(HELDOUT_DIR) if HELDOUT_DIR.is_dir() else []
    if heldout:
        # Meetings the rules were never tuned on: the honest figures.
        print(f"\nheld out ({len(heldout)} meetings, never used for tuning)")
        held = score(heldout, lambda m: _timed(m)[1])
        result["heldout_meetings"] = len(heldout)
        for language, values in held.items():
            print(f"{language:<10}" + "".join(f"{values[name]:>10.2f}" for name in FIGURES))
            suffix = "" if language == "overall" else f"_{language}"
            for name in FIGURES:
                result[f"heldout_{name}{suffix}"] = round(values[name], 3)
    print(
        f"median time per meeting {result['summarize_median_s']} s "
        f"(max {result['summarize_max_s']} s); "
        f"{LONG_MEETING_LINES}-line meeting {result['summarize_long_meeting_median_s']} s"
    )
    write_report(args.out, result, show=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the map marks that is not the article's own: landmarks, and context events.

* A **landmark** (``places.role = landmark``) is drawn only to orient the reader — for this
  article Vilnius and Riga, capitals the article does not name. It is a small hollow circle
  with a dot (⊙, an atlas's sign for a town), in grey, named, with a legend entry of its own
  ("landmark, not named by the article"): its look is ``PLACE_ROLE["landmark"]`` in
  :mod:`article_explorer.ui.theme`. It never has items, but it is a place like any
  other for distances: the ring and the exercises count it.
* A **context event** (``events.origin = context``: the coder added it from outside sources to
  explain the article's words) is marked "□ context" wherever an item is listed (hover, card,
  table), and a place where everything shown is context is framed in grey, as the timeline
  frames a context event (the mark □ of :data:`article_explorer.ui.theme.CONTEXT`). "Show context events" hides
  them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from article_explorer.explorers.map.labels import Placement
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import CONTEXT, LANDMARK_COLOUR, PLACE_ROLE

#: A landmark's marker size, in pixels: smaller than a place of the article's.
LANDMARK_PX = 10
#: What an item is, in words, on screen (never the code); a context event says so.
ITEM_WORDS = {"event": "an event", "claim": "the author's claim", "later": "what happened later"}
CONTEXT_ITEM = f"{CONTEXT.glyph} context: an event the coder added; the article does not report it"


def is_landmark(place: Mapping) -> bool:
    """Whether a place (a row of places.csv as a dict) is only a landmark."""
    return place.get("role") == "landmark"


def item_words(item: str, context: bool) -> str:
    """What an item is, in words: "an event", or for a context event, that it is context."""
    return CONTEXT_ITEM if context else ITEM_WORDS[item]


def context_prefix(context: bool) -> str:
    """``"□ context: "`` before a context item in a list; nothing for the others."""
    return f"{CONTEXT.glyph} context: " if context else ""


def landmark_trace(
    places: Mapping[str, Mapping],
    landmarks: Sequence[str],
    labels: Mapping[str, Placement | None],
    hover: Callable[[str], str],
) -> list[dict]:
    """The landmarks as small grey ⊙ markers with their names (a name that fits nowhere at this
    zoom is left to the hover text); no trace if there are none."""
    if not landmarks:
        return []
    return [
        {
            "type": "scatter",
            "name": PLACE_ROLE["landmark"].words,
            "legendgroup": "places",  # beside the kinds of place
            "x": [places[p]["lon"] for p in landmarks],
            "y": [places[p]["lat"] for p in landmarks],
            "mode": "markers+text",
            "marker": {
                "symbol": PLACE_ROLE["landmark"].symbol,
                "size": [LANDMARK_PX] * len(landmarks),
                "color": LANDMARK_COLOUR,
                "line": {"width": 1.5, "color": LANDMARK_COLOUR},
            },
            "text": [esc(places[p]["name"]) if labels.get(p) else "" for p in landmarks],
            "textposition": [labels[p].position if labels.get(p) else "top center" for p in landmarks],
            "textfont": {"size": 10, "color": LANDMARK_COLOUR, "shadow": "auto"},
            "hovertext": [hover(p) for p in landmarks],
            "hoverinfo": "text",
            "customdata": list(landmarks),
        }
    ]


def context_only(by_place: Mapping[str, pd.DataFrame], points: Sequence[str]) -> list[str]:
    """The point places where every item shown is a context event."""
    return [p for p in points if p in by_place and bool(by_place[p]["context"].all())]


def context_frame_trace(places: Mapping[str, Mapping], framed: Sequence[str]) -> list[dict]:
    """A grey square frame round the marker of each place in ``framed`` (the timeline's frame
    round a context event), with its legend entry; no trace if there are none."""
    if not framed:
        return []
    return [
        {
            "type": "scatter",
            "name": "framed: only context events shown here (the article does not report them)",
            "legendgroup": "context",
            "x": [places[p]["lon"] for p in framed],
            "y": [places[p]["lat"] for p in framed],
            "mode": "markers",
            # 18 px: clear of the names, which plotly sets 11 px from a 16-px marker's centre
            "marker": {"symbol": CONTEXT.symbol, "size": 18, "color": CONTEXT.colour, "line": {"width": 2}},
            "hoverinfo": "skip",
        }
    ]


def context_count_note(shown: pd.DataFrame, hidden: int) -> str:
    """The count line's word on context events: how many are shown, or hidden (empty if none)."""
    if hidden:
        return f" {hidden} context event{'s' if hidden != 1 else ''} hidden."
    context = int(shown["context"].sum()) if len(shown) else 0
    return f" {context} of them context events ({CONTEXT.glyph})." if context else ""

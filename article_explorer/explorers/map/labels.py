"""Where the map's place names go, so that they do not print over one another or over a marker.

Plotly puts a point's text at one of nine positions around its marker ("top center", "middle
right"...), offset from the marker by a little more than its radius. :func:`layout_labels`
chooses one of those for each label, greedily and in order of importance: for each label the
position whose text box overlaps least with the markers, with the labels already placed and
with the edges of the plot. A label that fits nowhere without overlapping is dropped if it
may be (``droppable``): its place keeps its marker and its hover text.

The boxes are measured in pixels on a plot of a given size (by default about the smallest the
map gets: 1024 px at 150 % browser zoom, or 1024 px in JupyterLab with its file browser
open), and checked at twice that size too, so that a layout that is clear on a small screen
stays clear on a large one. Text widths are estimated from
the number of characters (a sans-serif font averages under 0.6 em a character).

>>> view = (20.0, 50.0, 30.0, 56.0)
>>> labels = [Label("a", 25.0, 53.0, "Alpha", marker_px=16), Label("b", 25.1, 53.0, "Beta", marker_px=16)]
>>> positions = layout_labels(labels, view, y_per_x=1.7)
>>> positions["a"].position != positions["b"].position
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

#: Plotly's text positions, in the order they are tried (the first that fits wins).
POSITIONS = (
    "top center",
    "bottom center",
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)
#: Moves tried for a label without a marker, in lines of its text: (right, down).
NUDGES = sorted(
    (
        (dx, dy)
        for dx in (0, 1, -1, 2, -2, 3, -3, 4, -4)
        for dy in (0, 0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2, 2.5, -2.5, 3, -3, 4, -4)
    ),
    key=lambda move: (move[0] ** 2 + move[1] ** 2, move),
)
#: (width, height) in pixels of the plot area the layout is made for.
PLOT_PX = (400.0, 300.0)
CHAR_EM = 0.6  # average character width, in em, with a little to spare
#: Pixels added round each marker when other labels keep clear of it: a star of size 16 is drawn
#: some 20 px tall, and a white outline or a frame adds to it.
MARKER_PAD = 2.0
LINE_EM = 1.2
Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels (y grows downwards)


@dataclass(frozen=True)
class Label:
    """One point's name. ``marker_px`` is the marker's size (0 for text without a marker, which
    is then centred on its point first); ``droppable`` labels may be left out when crowded."""

    key: str
    lon: float
    lat: float
    text: str
    font_px: float = 12.0
    marker_px: float = 0.0
    droppable: bool = False
    bold: bool = False


def scale(view: Sequence[float], y_per_x: float, plot_px: tuple[float, float] = PLOT_PX) -> float:
    """Pixels per degree of longitude when the view (min_lon, min_lat, max_lon, max_lat) is drawn
    as large as fits ``plot_px`` with y stretched ``y_per_x`` times, as the map's axes are."""
    width, height = view[2] - view[0], (view[3] - view[1]) * y_per_x
    return min(plot_px[0] / width, plot_px[1] / height)


def text_box(label: Label, position: str, x: float, y: float) -> Box:
    """The box plotly's text takes at ``position`` around a point at pixel (x, y); see
    ``Drawing.textPointPosition`` in plotly.js: the offset is marker radius / 0.8 + 1."""
    offset = label.marker_px / 2 / 0.8 + 1 if label.marker_px else 0.0
    width = len(label.text) * label.font_px * (CHAR_EM + (0.05 if label.bold else 0.0))
    height = label.font_px * LINE_EM
    vertical, _, horizontal = position.partition(" ")
    left = {"left": x - offset - width, "right": x + offset}.get(horizontal, x - width / 2)
    top = {"top": y - offset - height, "bottom": y + offset}.get(vertical, y - height / 2)
    return (left, top, left + width, top + height)


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _outside(box: Box, width: float, height: float) -> float:
    """How much of the box lies beyond the plot area (in square pixels, plus a penalty)."""
    inside = _overlap(box, (0.0, 0.0, width, height))
    area = (box[2] - box[0]) * (box[3] - box[1])
    return (area - inside) * 4


class Placement(NamedTuple):
    """Where a label goes: plotly's text position, at the point (lon, lat); a label without a
    marker may have been moved a little from its own point."""

    position: str
    lon: float
    lat: float


def layout_labels(
    labels: Sequence[Label],
    view: Sequence[float],
    y_per_x: float,
    plot_px: tuple[float, float] = PLOT_PX,
    may_move_to: Callable[[Label, float, float], bool] | None = None,
) -> dict[str, Placement | None]:
    """``key -> placement`` for each label in ``labels`` (most important first), ``None`` for a
    droppable label that fits nowhere. ``view`` is (min_lon, min_lat, max_lon, max_lat).
    ``may_move_to(label, lon, lat)`` says where a label without a marker may be moved (a
    country's name must stay inside the country); by default, anywhere."""
    sizes = [scale(view, y_per_x, plot_px), 2 * scale(view, y_per_x, plot_px)]
    extents = [((view[2] - view[0]) * s, (view[3] - view[1]) * y_per_x * s) for s in sizes]

    def pixel(label: Label, s: float) -> tuple[float, float]:
        return (label.lon - view[0]) * s, (view[3] - label.lat) * y_per_x * s

    markers = [
        [
            (x - half, y - half, x + half, y + half)
            for label in labels
            if label.marker_px
            for x, y in [pixel(label, s)]
            for half in [label.marker_px / 2 + MARKER_PAD]
        ]
        for s in sizes
    ]
    placed: list[list[Box]] = [[] for _ in sizes]
    chosen: dict[str, Placement | None] = {}
    for label in labels:
        if label.marker_px:
            candidates = [(position, 0.0, 0.0) for position in POSITIONS]
        else:  # a name without a marker may move a little way from its point, centred
            step = label.font_px * LINE_EM
            candidates = [("middle center", dx * step, dy * step) for dx, dy in NUDGES]
        best, best_cost, best_boxes = None, float("inf"), []
        for position, dx, dy in candidates:
            lon, lat = label.lon + dx / sizes[0], label.lat - dy / sizes[0] / y_per_x
            if (dx or dy) and may_move_to is not None and not may_move_to(label, lon, lat):
                continue
            cost, boxes = 0.0, []
            for s, (width, height), others, marks in zip(sizes, extents, placed, markers, strict=True):
                x, y = pixel(label, s)
                box = text_box(label, position, x + dx * s / sizes[0], y + dy * s / sizes[0])
                boxes.append(box)
                cost += _outside(box, width, height)
                cost += sum(_overlap(box, other) for other in others)
                cost += sum(_overlap(box, mark) for mark in marks)
            if cost < best_cost:
                best, best_cost, best_boxes = Placement(position, lon, lat), cost, boxes
            if cost == 0:
                break
        if best_cost > 0 and label.droppable:
            chosen[label.key] = None
            continue
        chosen[label.key] = best
        for boxes, box in zip(placed, best_boxes, strict=True):
            boxes.append(box)
    return chosen

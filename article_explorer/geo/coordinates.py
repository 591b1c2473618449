"""Coordinates in words: degrees with their hemisphere, as a card and a map's axes print them.

>>> coordinates(-16.4955, -68.1336)
'16.50° S, 68.13° W'
>>> coordinates(53.9022, 27.5618)
'53.90° N, 27.56° E'
>>> degree_ticks(-12.0, 14.0, "lon")
([-10.0, -5.0, 0.0, 5.0, 10.0], ['10°W', '5°W', '0°', '5°E', '10°E'])
"""

from __future__ import annotations

import math

#: Steps between a map's tick marks, in degrees: the first that gives at most :data:`MAX_TICKS`.
TICK_STEPS_DEG = (0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90)
MAX_TICKS = 8


def degrees(value: float, axis: str, digits: int = 2) -> str:
    """One coordinate with its hemisphere: ``axis`` is ``"lat"`` (N/S) or ``"lon"`` (E/W); zero has none.

    >>> degrees(0.0, "lat"), degrees(-0.004, "lon"), degrees(180.0, "lon", 0)
    ('0.00°', '0.00°', '180°')
    """
    shown = f"{abs(value):.{digits}f}"
    if float(shown) == 0 or (axis == "lon" and float(shown) == 180):
        return f"{shown}°"
    positive, negative = ("N", "S") if axis == "lat" else ("E", "W")
    return f"{shown}° {positive if value > 0 else negative}"


def coordinates(lat: float, lon: float, digits: int = 2) -> str:
    """A point as latitude, longitude with hemispheres (``'16.50° S, 68.13° W'``)."""
    return f"{degrees(lat, 'lat', digits)}, {degrees(lon, 'lon', digits)}"


def degree_ticks(
    low: float, high: float, axis: str, reach: tuple[float, float] | None = None
) -> tuple[list[float], list[str]]:
    """Tick positions at a round step for a view from ``low`` to ``high`` (degrees), and their
    labels with hemispheres ("10°W"): a map's axes, which plotly would otherwise label "-10°E". With
    ``reach`` (the widest range a learner can pan to), the ticks cover it all at the view's step."""
    span = max(high - low, 1e-9)
    step = next((s for s in TICK_STEPS_DEG if span / s <= MAX_TICKS), TICK_STEPS_DEG[-1])
    low, high = reach if reach is not None else (low, high)
    first = math.ceil(low / step) * step
    values = [round(first + i * step, 6) for i in range(int((high - first) // step) + 1)]
    digits = 0 if float(step).is_integer() else 1
    # Without the space ("10°W"): a tick label's width is taken from the plot's, which is small.
    return [float(v) for v in values], [degrees(v, axis, digits).replace(" ", "") for v in values]

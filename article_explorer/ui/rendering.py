"""Safe HTML and figure output shared by every explorer.

Text that comes from a dataset is *always* escaped before it is put into HTML: an
instructor may load any CSV, and a headline holding ``<img onerror=...>`` must appear as
text, never run. Figures are sent to the browser as plotly's own MIME bundle, which the
JupyterLab/Voila plotly extension draws with the plotly.js it already has: plotly.js itself
never travels through the kernel.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterable

import plotly.graph_objects as go
import plotly.io as pio

from article_explorer.ui.theme import ARTICLE_DATE_COLOUR

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"


def esc(value: object) -> str:
    """Escape any value for use as HTML text or attribute.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


def link(url: str, text: str) -> str:
    """An external link that opens in a new tab; only http(s) addresses become links."""
    if not url.startswith(("http://", "https://")):
        return esc(text)
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def highlight(text: str, phrases: Iterable[str], css_class: str = "ae-cue") -> str:
    """Escape ``text`` and wrap every occurrence of each phrase in ``<mark>``.

    >>> highlight("it may rain, it may not", ["may"])
    'it <mark class="ae-cue">may</mark> rain, it <mark class="ae-cue">may</mark> not'
    """
    spans: list[tuple[int, int]] = []
    for phrase in sorted({p for p in phrases if p}, key=len, reverse=True):
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
            start = text.find(phrase, end)
    out, cursor = [], 0
    for start, end in sorted(spans):
        out.append(esc(text[cursor:start]))
        out.append(f'<mark class="{css_class}">{esc(text[start:end])}</mark>')
        cursor = end
    out.append(esc(text[cursor:]))
    return "".join(out)


def figure_json(figure: go.Figure | dict) -> dict:
    """The figure as plain JSON-able data (numpy arrays and dates converted); a dict is taken
    to be that already."""
    return figure if isinstance(figure, dict) else json.loads(pio.to_json(figure, validate=False))


def plotly_bundle(figure: go.Figure | dict) -> dict:
    """The MIME bundle that draws ``figure`` without shipping plotly.js."""
    data = figure_json(figure)
    title = (data.get("layout", {}).get("title") or {}).get("text")
    return {PLOTLY_MIMETYPE: data, "text/plain": f"<{title or 'plotly figure'}>"}


def set_figure(output, figure: go.Figure | dict) -> None:
    """Replace what an ``ipywidgets.Output`` shows with ``figure``, in one message, without flicker."""
    output.outputs = ({"output_type": "display_data", "data": plotly_bundle(figure), "metadata": {}},)


def nothing_matches(message: str) -> str:
    """The friendly message shown instead of an empty view."""
    return f'<div class="ae-nothing" role="status">{esc(message)}</div>'


def download_link(filename: str, text: str, label: str) -> str:
    """An HTML link, styled as a button, that downloads ``text`` as a UTF-8 file.

    The file starts with a byte-order mark, so that spreadsheet programs (Excel on Windows
    among them) read its curly quotes and accents as UTF-8; Python's ``utf-8-sig`` codec and
    pandas read it back unchanged.
    """
    payload = base64.b64encode(("\ufeff" + text).encode("utf-8")).decode("ascii")
    return (
        f'<a class="ae-download" download="{esc(filename)}" href="data:text/csv;base64,{payload}" '
        'style="display:inline-block;padding:6px 12px;border:1px solid #0072B2;border-radius:4px;'
        f'background:#e8f1fa;color:#003e66;text-decoration:none;font-weight:bold">⬇ {esc(label)}</a>'
    )


def html_table(frame, columns: dict[str, str]) -> str:
    """A plain, escaped HTML table of ``frame``'s ``columns`` (column -> header)."""
    head = "".join(f"<th>{esc(header)}</th>" for header in columns.values())
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(value)}</td>" for value in record) + "</tr>"
        for record in frame[list(columns)].itertuples(index=False)
    )
    return f'<table class="ae-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def date_line(x: str, text: str, *, label_inside: bool = True) -> tuple[dict, dict]:
    """A dashed vertical line at date ``x`` across a figure, and its label: the shape and the
    annotation to add to a layout (used to mark the article's date)."""
    colour = ARTICLE_DATE_COLOUR
    line = {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": colour, "width": 2, "dash": "dash"},
    }
    label = {
        "x": x,
        "y": 1,
        "xref": "x",
        "yref": "paper",
        "showarrow": False,
        "text": esc(text),
        "font": {"color": colour},
    }
    if label_inside:  # under the top edge, to the line's left, on a light box
        label.update(yanchor="top", xanchor="right", bgcolor="rgba(255, 255, 255, 0.85)")
    else:  # above the plot
        label.update(yanchor="bottom")
    return line, label


def fold(items: list[str], noun: str, shown: int = 3, tag: str = "ul") -> str:
    """The first ``shown`` HTML ``items`` in a list, the rest folded under "Show all N ``noun``".

    >>> fold(["<li>a</li>", "<li>b</li>"], "rows", shown=1)  # doctest: +NORMALIZE_WHITESPACE
    '<ul><li>a</li></ul><details class="ae-more"><summary>Show all 2 rows (1 more)</summary>\
<ul><li>b</li></ul></details>'
    """
    first = f"<{tag}>{''.join(items[:shown])}</{tag}>" if items[:shown] else ""
    rest = items[shown:]
    if not rest:
        return first
    summary = f"Show all {len(items)} {esc(noun)} ({len(rest)} more)"
    return f'{first}<details class="ae-more"><summary>{summary}</summary><{tag}>{"".join(rest)}</{tag}></details>'


def folded(summary: str, html: str) -> str:
    """``html`` folded under a one-line ``summary`` the learner clicks to open (nothing if empty)."""
    return f'<details class="ae-more"><summary>{esc(summary)}</summary>{html}</details>' if html else ""

"""The frame every explorer shares, written once.

An explorer is a row of controls over a figure, then the parts it needs of these five: a
**count** ("12 of 32 events shown"), a **description** of the figure in words (what a screen
reader reads, and what a learner copies into an answer), a **card** for the chosen item, a
**table** of what is shown and a **download** of it as CSV. Clicking a mark on the figure
picks that item in the explorer's list. :class:`Explorer` holds those parts and that wiring;
an explorer class calls ``super().__init__(dataset, {})`` (``{}``: its ``render`` draws the
figure; ``None``: it has no figure), makes its controls, calls ``render()`` and then
:meth:`Explorer.assemble` with its layout — last, since assembling makes it the session's
newest explorer, which wakes the exercises that watch it.

>>> from article_explorer.ui.session import dataset
>>> class Counter(Explorer):
...     def __init__(self, dataset):
...         super().__init__(dataset)
...         self.assemble(self.count)
...         self.show_count(3, 32, "events")
>>> Counter(dataset()).count.value
'<p><b>3 of 32 events shown.</b></p>'
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from IPython.display import display

from article_explorer.data.dataset import Dataset
from article_explorer.ui import session
from article_explorer.ui.plotview import PlotView, plot_view
from article_explorer.ui.rendering import download_link, esc, html_table
from article_explorer.ui.style import page_style
from article_explorer.ui.unavailable import NeedsDataset

#: The tallest a table grows before it scrolls (keyboard users reach it: it is tabbable).
TABLE_HEIGHT = "300px"


def pick_clicked(picker: widgets.ValueWidget, change: Mapping) -> None:
    """Choose in ``picker`` the item whose mark was clicked (its ``customdata``), if it lists it."""
    picked = (change.get("new") or {}).get("customdata")
    if picked is not None and picked in {value for _, value in picker.options}:
        picker.value = picked


class Explorer(NeedsDataset):
    """Count, description, card, table and download, a plot whose clicks pick, and the page's frame.

    Made from a dataset that does not validate, an explorer is the notice that it cannot run
    (:class:`~article_explorer.ui.unavailable.NeedsDataset`)."""

    def __init__(self, dataset: Dataset, figure: go.Figure | dict | None = None, scroll_table: bool = True):
        """``scroll_table=False`` for a table that folds its rows instead of scrolling (it grows with them)."""
        self.dataset = dataset
        self.count = widgets.HTML()
        self.description = widgets.HTML()
        self.card = widgets.HTML()
        scrolling = {"layout": widgets.Layout(max_height=TABLE_HEIGHT, overflow="auto"), "tabbable": True}
        self.table = widgets.HTML(**(scrolling if scroll_table else {}))
        self.download = widgets.HTML()
        if figure is not None:
            self.plot: PlotView
            self.plot, self.figure_box = plot_view(figure)

    def pick_on_click(self, picker: widgets.ValueWidget) -> None:
        """Clicking a mark on the figure chooses its item in ``picker``."""
        self.plot.observe(lambda change: pick_clicked(picker, change), names="clicked")

    def assemble(self, *children: widgets.Widget) -> widgets.VBox:
        """Make :attr:`widget` from ``children`` (after the page's style), and make this explorer
        the session's newest of its kind (the one its notebook's exercises check)."""
        self.widget = widgets.VBox([page_style(), *children])
        self.widget.add_class("ae-explorer")
        session.register(self)
        return self.widget

    def show_count(self, shown: int, total: int, noun: str, note: str = "") -> None:
        """ "``shown`` of ``total`` ``noun`` shown.", and a ``note`` after it."""
        self.count.value = f"<p><b>{shown} of {total} {esc(noun)} shown.</b>{esc(note)}</p>"

    def show_description(self, text: str, widget: widgets.HTML | None = None) -> None:
        """A sentence in words about what is shown, in :attr:`description` or another ``widget``."""
        (widget or self.description).value = f"<p class='ae-description'>{esc(text)}</p>"

    def show_table(self, rows: pd.DataFrame, columns: Mapping[str, str], filename: str, csv: str, noun: str) -> None:
        """The table of ``rows`` (``columns``: column -> heading) and the download of ``csv``."""
        self.table.value = html_table(rows, dict(columns)) if len(rows) else ""
        self.download.value = download_link(filename, csv, f"Download these {len(rows)} {noun} as CSV")

    def _ipython_display_(self) -> None:
        display(self.widget)

"""The geography of militarisation: the dataset's places and what happened there, on a map
that needs no network.

The map is a plain x/y plot — x is longitude, y is latitude — with country outlines from
the package's boundaries (or the dataset's own ``geo/``) drawn as filled areas; there are no
plotly ``geo`` traces and no map tiles, so nothing is fetched from the internet.
:class:`MapExplorer` wires the widgets to the pure functions of its neighbours:

* :mod:`.model` — the learner's choices (:class:`.model.MapFilters`) and the places on the
  boundaries (:class:`.model.Geography`: extent, zooms, distances); :mod:`.sides` — which side
  each country is on in a year;
* :mod:`.items` — the events, claims and later outcomes at places, and their layers;
* :mod:`.countries`, :mod:`.figure`, :mod:`.placenames`, :mod:`.labels`, :mod:`.marks` — the
  figure: countries by side, places by kind, names where they fit, landmarks and context;
* :mod:`.text` — the hovers, the place card, the sentences under the map and the CSV.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import ipywidgets as widgets
import pandas as pd

from article_explorer.data.contract import ARTICLE_SCHEME
from article_explorer.data.dataset import Dataset
from article_explorer.explorers.base import Explorer
from article_explorer.explorers.map.countries import area_outlines, country_traces
from article_explorer.explorers.map.figure import build_map_figure
from article_explorer.explorers.map.items import active_areas, layer_label, map_items, visible_items
from article_explorer.explorers.map.marks import context_count_note, is_landmark, item_words
from article_explorer.explorers.map.model import RING_RADII_KM, ZOOMS, Geography, MapFilters, shown_year
from article_explorer.explorers.map.text import (
    describe_distances,
    describe_map,
    nothing_to_map,
    place_card,
    places_csv,
    when,
)
from article_explorer.geo.boundaries import Extent
from article_explorer.ui.controls import NO_CHOICE
from article_explorer.ui.plotview import PlotView
from article_explorer.ui.rendering import download_link, esc, html_table, nothing_matches

#: How the scheme list names the article's own scheme (any other reads as its id, in words).
SCHEME_WORDS = {ARTICLE_SCHEME: "the article's sides"}
#: The table's columns: column -> heading.
TABLE_COLUMNS = {"when": "date", "text": "what", "kind": "kind", "place_name": "place"}


def _row(*children: widgets.Widget) -> widgets.HBox:
    return widgets.HBox(list(children), layout=widgets.Layout(flex_flow="row wrap"))


def _dropdown(**kwargs) -> widgets.Dropdown:
    dropdown = widgets.Dropdown(**kwargs)
    dropdown.style.description_width = "initial"
    return dropdown


class MapExplorer(Explorer):
    """The map with its layers, year, hindsight and ring; click a place (or choose it) for its card."""

    def __init__(self, dataset: Dataset):
        super().__init__(dataset, {})  # the figure is drawn by render(), below
        self.geography = Geography(dataset)
        if not self.geography.mapped[0]:  # no place to draw: say so, and offer no control
            self.description.value = nothing_matches(nothing_to_map(self.geography))
            self.assemble(self.description)
            return
        self.items = map_items(self.geography)
        self.published_year = dataset.published.year
        years = [*self.items["year"], *(d.year for d in dataset.events["date_start"].dropna()), self.published_year]
        in_layer = Counter(layer for layers in self.items["layers"] for layer in layers)
        self.layer_boxes = {
            layer: widgets.Checkbox(
                value=True,
                description=f"{layer_label(self.geography, layer)} ({in_layer[layer]})",
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for layer in self.geography.layers
            if in_layer[layer]
        }
        self._years = (int(min(years)), max(int(max(years)), self.published_year))
        # Drop-downs rather than sliders: ipywidgets' sliders have no accessible name for screen readers.
        # Without hindsight the years stop at the article's: the list never offers a year it won't show.
        self.year = _dropdown(
            options=self._year_options(hindsight=False), value=self.published_year, description="Up to year"
        )
        self.hindsight = widgets.Checkbox(value=False, description="Show what happened later (hindsight)", indent=False)
        self.context = widgets.Checkbox(value=True, description="Show context events", indent=False)
        geography = self.geography
        points = [p for p in geography.mapped[0] if geography.is_point(p)]
        self.centre = _dropdown(
            options=[(geography.place[p]["name"], p) for p in points],
            value=geography.default_centre,
            description="Ring around",
        )
        radii = [("no ring", 0), *((f"{km:,} km", km) for km in RING_RADII_KM)]
        self.radius = _dropdown(options=radii, value=0, description="Ring radius")
        self.zoom = _dropdown(options=self._zoom_options(), description="Zoom")
        schemes = geography.sides.schemes
        self.scheme = _dropdown(
            options=[(SCHEME_WORDS.get(scheme, scheme.replace("_", " ")), scheme) for scheme in schemes],
            value=ARTICLE_SCHEME,
            description="Colour countries by",
        )
        self._syncing = False
        names = sorted(
            (
                (geography.place[p]["name"] + (" (landmark)" if is_landmark(geography.place[p]) else ""), p)
                for p in geography.mapped[0]
            ),
            key=lambda o: o[0].lower(),
        )
        self.place_picker = widgets.Dropdown(options=[("— choose a place —", NO_CHOICE), *names], description="Place")
        self.distances = widgets.HTML()
        self._countries: dict[tuple[int, str], dict] = {}
        self._bases: dict[tuple[int, tuple[str, ...], str], dict] = {}
        self._items_key: tuple | None = None
        self._download_key: tuple | None = None
        self._shown = self.items.iloc[0:0]
        self._view: Extent | None = None
        controls = [
            *self.layer_boxes.values(),
            self.year,
            self.hindsight,
            self.context,
            self.centre,
            self.radius,
            self.scheme,
        ]
        for control in [*controls, self.zoom]:
            control.observe(self._on_change, names="value")
        self.place_picker.observe(lambda _: self.render(), names="value")
        self.pick_on_click(self.place_picker)
        has_context = bool(self.items["context"].any())  # without any, the box would do nothing
        self.render()
        self.assemble(
            widgets.HTML("<b>Layers</b>"),
            _row(*self.layer_boxes.values()),
            _row(self.year, self.hindsight, *([self.context] if has_context else [])),
            # Without a city or a site there is no ring to draw, and the region is the whole map.
            _row(
                *([self.centre, self.radius, self.zoom] if points else []),
                *([self.scheme] if len(schemes) > 1 else []),
            ),
            self.count,
            self.figure_box,
            self.description,
            self.distances,
            self.place_picker,
            self.card,
            self.table,
            self.download,
        )

    @property
    def filters(self) -> MapFilters:
        return MapFilters(
            layers=frozenset(layer for layer, box in self.layer_boxes.items() if box.value),
            year=self.year.value,
            hindsight=self.hindsight.value,
            centre=self.centre.value,
            radius_km=self.radius.value,
            zoom=self.zoom.value,
            context=self.context.value,
            scheme=self.scheme.value,
        )

    def colour_year(self, filters: MapFilters) -> int:
        """The year whose sides colour the countries: never after the article without hindsight."""
        return shown_year(filters, self.published_year)

    def _year_options(self, hindsight: bool) -> list[int]:
        first, last = self._years
        return list(range(first, (last if hindsight else self.published_year) + 1))

    def _zoom_options(self) -> list[tuple[str, str]]:
        if self.geography.default_centre is None:
            return [(ZOOMS["all"], "all")]
        home = self.geography.place[self.geography.default_centre]["country_iso3"]
        country = self.geography.countries[home].name if home in self.geography.countries else "The region"
        options = [(ZOOMS["region"].format(country=country), "region")]
        if self.radius.value:
            around = self.geography.place[self.centre.value]["name"]
            options.append((f"{ZOOMS['ring']} ({self.radius.value:,} km around {around})", "ring"))
        return [*options, (ZOOMS["all"], "all")]

    def _on_change(self, change) -> None:
        """Keep the year list and the zoom list true to the other controls, then redraw once."""
        if self._syncing:
            return
        self._syncing = True
        try:
            if change["owner"] is self.hindsight:
                year = min(self.year.value, self._year_options(self.hindsight.value)[-1])
                self.year.options = self._year_options(self.hindsight.value)
                self.year.value = year
            if change["owner"] in (self.radius, self.centre):
                # Drawing a ring zooms to it; removing it goes back to the region.
                zoom = self.zoom.value
                if change["owner"] is self.radius and (change["old"] == 0) != (change["new"] == 0):
                    zoom = "ring" if change["new"] else "region"
                self.zoom.options = self._zoom_options()
                self.zoom.value = zoom if zoom in {value for _, value in self.zoom.options} else "region"
        finally:
            self._syncing = False
        self.render()

    def base(self, year: int, areas: list[str], scheme: str = ARTICLE_SCHEME) -> dict:
        """What lies under the places: the countries in ``year`` on ``scheme`` and the outlines of
        ``areas``. Cached, and sent to the browser only when it changes."""
        key = (year, tuple(areas), scheme)
        if key not in self._bases:
            if (year, scheme) not in self._countries:
                self._countries[year, scheme] = country_traces(self.geography, year, scheme)
            countries = self._countries[year, scheme]["data"]
            self._bases[key] = {"data": countries + area_outlines(self.geography, areas)["data"]}
        return self._bases[key]

    def render(self) -> None:
        """Bring the views in line. What depends only on the layers, the year and hindsight (the
        items shown, the table, the countries) is recomputed only when one of those changes."""
        filters = self.filters
        items_key = (filters.layers, filters.year, filters.hindsight, filters.context, filters.scheme)
        if items_key != self._items_key:
            self._items_key = items_key
            self._shown = self._render_items(filters)
        shown = self._shown
        if (items_key, filters.centre) != self._download_key:
            self._download_key = (items_key, filters.centre)
            self.download.value = download_link(
                "places.csv",
                places_csv(self.geography, shown, filters.centre),
                f"Download the {shown['place_id'].nunique()} places shown as CSV",
            )
        view = self.geography.view(filters.zoom, filters.centre, filters.radius_km)
        figure = build_map_figure(self.geography, shown, filters, self.place_picker.value or None)
        if self._view is not None and view != self._view:
            self._fresh_plot(figure)
        self._view = view
        self.plot.show(figure)
        description = describe_map(self.geography, shown, filters)
        self.show_description(description)
        if filters.centre is not None:
            borders = self.geography.border_distances(filters.centre, self.colour_year(filters), filters.scheme)
            self.show_description(describe_distances(self.geography, filters, borders, shown), self.distances)
        chosen = self.place_picker.value or None
        if shown.empty:
            self.card.value = nothing_matches(description)
        elif chosen is None:
            self.card.value = nothing_matches("Click a place on the map, or choose one in the list, to see its card.")
        else:
            self.card.value = place_card(self.geography, chosen, shown, filters.centre)

    def _render_items(self, filters: MapFilters) -> pd.DataFrame:
        year = self.published_year
        shown = visible_items(self.items, filters, year)
        self.plot.base = self.base(self.colour_year(filters), active_areas(self.geography, shown), filters.scheme)
        hidden = 0
        if not filters.context:  # the context events that the other controls would show
            hidden = len(visible_items(self.items, replace(filters, context=True), year)) - len(shown)
        note = context_count_note(shown, hidden)
        self.count.value = (
            f"<p><b>{len(shown)} of {len(self.items)} items shown, at {shown['place_id'].nunique()} places.</b>"
            f"{esc(note)}</p>"
        )
        table = shown.sort_values("date").assign(
            when=lambda t: t["date"].map(when),
            kind=lambda t: [item_words(i, c) for i, c in zip(t["item"], t["context"], strict=True)],
            place_name=lambda t: t["place_id"].map(self.geography.places["name"]),
        )
        self.table.value = html_table(table, TABLE_COLUMNS) if len(shown) else ""
        return shown

    def _fresh_plot(self, figure: dict) -> None:
        """A new view for a new zoom: plotly.js's react keeps the old x range of an axis with a
        scaleanchor (it restores its private ``_inputRange``), so a zoom is drawn afresh. The view
        has its figure before the browser draws it: a first drawing of an empty figure would
        leave the plot's box with no height (plotly.js sizes it to its container then)."""
        plot = PlotView()
        plot.base = self.plot.base
        plot.show(figure)
        self.plot = plot
        self.pick_on_click(self.place_picker)
        self.figure_box.children = (*self.figure_box.children[:-1], plot)

"""A plotly figure that updates in place and reports clicks, without sending plotly.js.

``go.FigureWidget`` ships the whole plotly.js bundle (about 5 MB) through the kernel for each
figure. :class:`PlotView` sends only the figure's JSON: it draws with the plotly.js that the
page already has, the one the JupyterLab/Voila plotly extension loads (as a static file from
the server, cached by the browser). A one-point, invisible "loader" figure rendered through
that extension makes sure plotly.js is there. Updates use ``Plotly.react``, which redraws in
place without flicker, and a click on a point comes back as ``clicked`` (its customdata).
"""

from __future__ import annotations

import anywidget
import ipywidgets as widgets
import plotly.graph_objects as go
import traitlets

from article_explorer.ui.rendering import figure_json, set_figure

_ESM = r"""
function plotlyReady(timeoutMs) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (window.Plotly && window.Plotly.react) return resolve(window.Plotly);
      if (Date.now() - started > timeoutMs) return reject(new Error("plotly.js did not load"));
      setTimeout(poll, 50);
    };
    poll();
  });
}

// One tool bar for every figure: no plotly logo, and no "Share chart…", which would upload the
// chart to a cloud service. Zoom, pan, reset and "download as PNG" stay.
const CONFIG = {
  displaylogo: false,
  responsive: true,
  showSendToCloud: false,
  showEditInChartStudio: false,
  modeBarButtonsToRemove: ["sendChartToCloud", "sendDataToCloud", "editInChartStudio", "lasso2d", "select2d",
    "autoScale2d", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian"],
};

// In a dark theme (JupyterLab's, or Voila's with ?voila-theme=dark) the figure takes the page's
// colours instead of a glaring white panel: its background is transparent and its text and grid
// follow the theme. Marker colours are left as they are.
function isDark() {
  return document.body.dataset.jpThemeLight === "false";
}
function themed(layout) {
  if (!isDark()) return layout;
  const css = getComputedStyle(document.body);
  const colour = (name, fallback) => (css.getPropertyValue(name) || "").trim() || fallback;
  const text = colour("--jp-ui-font-color1", "#e0e0e0");
  const grid = colour("--jp-border-color2", "#444");
  const axis = (a) => Object.assign({ gridcolor: grid, zerolinecolor: grid, linecolor: grid }, a || {},
    { color: text });
  const out = Object.assign({}, layout, {
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: Object.assign({}, layout.font || {}, { color: text }),
    legend: Object.assign({}, layout.legend || {}, { bgcolor: "rgba(0,0,0,0)", font: Object.assign({},
      (layout.legend || {}).font || {}, { color: text }) }),
  });
  for (const key of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(key)) out[key] = axis(layout[key]);
  }
  if (!out.xaxis) out.xaxis = axis({});
  if (!out.yaxis) out.yaxis = axis({});
  return out;
}

async function render({ model, el }) {
  const div = document.createElement("div");
  div.className = "ae-plotview";
  div.style.width = "100%";
  div.textContent = "Drawing the figure…";
  el.appendChild(div);
  let Plotly;
  try {
    Plotly = await plotlyReady(30000);
  } catch (error) {
    div.textContent = "The figure could not be drawn: the plotting library did not load. Reload the page.";
    throw error;
  }
  div.textContent = "";
  const draw = () => {
    const figure = model.get("figure") || {};
    const base = (model.get("base") || {}).data || [];
    const config = Object.assign({}, figure.config || {}, CONFIG);
    return Plotly.react(div, base.concat(figure.data || []), themed(figure.layout || {}), config);
  };
  await draw();
  div.on("plotly_click", (event) => {
    const point = event && event.points && event.points[0];
    if (!point) return;
    model.set("clicked", { customdata: point.customdata === undefined ? null : point.customdata });
    model.save_changes();
  });
  model.on("change:figure", draw);
  model.on("change:base", draw);
  // Redraw when the learner switches JupyterLab's theme.
  const theme = new MutationObserver(() => draw());
  theme.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  const resize = new ResizeObserver(() => {
    if (div.offsetWidth > 0) Plotly.Plots.resize(div);
  });
  resize.observe(div);
  return () => {
    theme.disconnect();
    resize.disconnect();
    Plotly.purge(div);
  };
}

export default { render };
"""

#: CSS class of the output that loads plotly.js; handouts leave it out.
LOADER_CLASS = "ae-plotly-loader"

_LOADER = {  # a plain dict: building it with go.Figure would cost ~0.1 s of import time
    # no tool bar: its buttons would be invisible stops for a keyboard user
    "config": {"displayModeBar": False, "staticPlot": True},
    "data": [{"type": "scatter", "x": [0], "y": [0], "mode": "markers", "marker": {"opacity": 0}, "hoverinfo": "skip"}],
    "layout": {
        "height": 10,
        "width": 10,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "showlegend": False,
        "template": "none",
    },
}


class PlotView(anywidget.AnyWidget):
    """Draw ``figure`` (plotly JSON) in place; ``clicked`` holds the last clicked point's customdata.

    ``base`` holds traces drawn under the figure's own, e.g. a map's country outlines: they
    travel to the browser only when they change, not with every update of ``figure``.
    """

    _esm = _ESM
    figure = traitlets.Dict().tag(sync=True)
    base = traitlets.Dict().tag(sync=True)
    clicked = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)

    def show(self, figure: go.Figure | dict) -> None:
        """Draw ``figure``: a ``go.Figure``, or a plain ``{"data": [...], "layout": {...}}`` dict of
        JSON-ready values (faster: it skips plotly's object model, a few milliseconds a figure)."""
        self.figure = figure if isinstance(figure, dict) else figure_json(figure)


def plotly_loader() -> widgets.Output:
    """An invisible one-point figure, drawn by the page's plotly extension, which loads plotly.js."""
    loader = widgets.Output(layout=widgets.Layout(height="1px", overflow="hidden"))
    loader.add_class(LOADER_CLASS)
    set_figure(loader, _LOADER)
    return loader


def plot_view(figure: go.Figure | dict) -> tuple[PlotView, widgets.Widget]:
    """A :class:`PlotView` showing ``figure``, and the widget to display (the view and its loader)."""
    view = PlotView()
    view.show(figure)
    return view, widgets.VBox([plotly_loader(), view])

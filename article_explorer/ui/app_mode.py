"""Links between the notebook and its app view (Voila), and from one notebook to the next.

A notebook's address is known only to the browser, so the links are made there:

* :func:`app_mode_link`, shown in JupyterLab, points from ``…/lab/tree/<path>.ipynb`` to
  ``…/voila/render/<path>.ipynb``; in the app itself it is not shown;
* :func:`next_notebook_link` points to the next notebook of the set in the same mode: the
  notebook in JupyterLab, the app in Voila — so a learner in app mode can go on without ever
  seeing the file browser.

Both keep the base of the address, so they work on a laptop, on Binder and on a JupyterHub.
"""

from __future__ import annotations

import anywidget
import ipywidgets as widgets
import traitlets

from article_explorer.ui.plotview import plotly_loader

_ESM = r"""
// Where the page is: [base, mode, folder] for .../lab/tree/<folder>/<file>.ipynb,
// .../voila/render/<folder>/<file>.ipynb or a standalone Voila's .../voila/render/<file>.ipynb.
function where() {
  const path = decodeURI(window.location.pathname);
  const lab = path.match(/^(.*?\/)lab\/tree\/(.*?)[^\/]*\.ipynb$/);
  if (lab) return { base: lab[1], mode: "lab", folder: lab[2] };
  const voila = path.match(/^(.*?\/)voila\/render\/(.*?)[^\/]*\.ipynb$/);
  if (voila) return { base: voila[1], mode: "voila", folder: voila[2] };
  return null;
}

function render({ model, el }) {
  const link = document.createElement("a");
  link.className = "ae-app-link";
  link.style.cssText = "font-weight: bold; color: var(--jp-content-link-color, #0b5cad); text-decoration: underline;";
  el.appendChild(link);
  const update = () => {
    const here = where();
    const next = model.get("next");
    el.hidden = !here || (!next && here.mode !== "lab");
    if (!here) return;
    if (next) {
      const route = here.mode === "lab" ? "lab/tree/" : "voila/render/";
      link.href = encodeURI(here.base + route + here.folder + next);
      link.target = "_self";
      link.textContent = "▶ Next: " + model.get("title");
    } else {
      const file = decodeURI(window.location.pathname).split("/").pop();
      link.href = encodeURI(here.base + "voila/render/" + here.folder + file);
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "▶ Open this notebook as an app (Voilà): the narrative and the widgets, no code. "
        + "Good for projecting, or for reading without Python.";
    }
  };
  update();
  window.addEventListener("popstate", update);
  const timer = setInterval(update, 2000);  // JupyterLab changes the address without a popstate
  return () => { clearInterval(timer); window.removeEventListener("popstate", update); };
}
export default { render };
"""


class AppModeLink(anywidget.AnyWidget):
    """A link made in the browser: to this notebook's app view, or (with ``next``) to the next notebook."""

    _esm = _ESM
    next = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)


def app_mode_link() -> widgets.Widget:
    """The link to this notebook's app view, shown in JupyterLab only (see the module's docstring).

    Every notebook shows it first, so it also loads plotly.js, with an invisible figure put before
    the link. That takes the browser a second or more of work; done here, it is over before the
    explorers' widgets arrive. anywidget gives each of its widgets two seconds to start, and a
    widget that misses them never takes another update from Python: with plotly.js loading in
    the same moment, the explorers' figures came close to that limit on a busy machine.
    """
    return widgets.VBox([plotly_loader(), AppModeLink()])


def next_notebook_link(filename: str, title: str = "") -> AppModeLink:
    """A link to the next notebook, ``filename`` in the same folder, in the mode the learner is in."""
    return AppModeLink(next=filename, title=title or filename.removesuffix(".ipynb").replace("_", " "))

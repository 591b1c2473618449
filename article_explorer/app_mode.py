"""A link, shown in JupyterLab, that opens the notebook as an app (Voila).

The notebook's address is known only to the browser, so the link is made there: from
``…/lab/tree/<path>.ipynb`` it points to ``…/voila/render/<path>.ipynb``, which works on a
laptop, on Binder and on a JupyterHub (the base of the address is kept). In the app itself,
and anywhere the address has another shape, the link is not shown.
"""

from __future__ import annotations

import anywidget

_ESM = r"""
function render({ model, el }) {
  const link = document.createElement("a");
  link.className = "ae-app-link";
  link.target = "_blank";
  link.rel = "noopener";
  el.appendChild(link);
  const update = () => {
    const match = window.location.pathname.match(/^(.*?\/)lab\/tree\/(.+\.ipynb)$/);
    el.hidden = !match;
    if (match) {
      link.href = match[1] + "voila/render/" + match[2];
      link.textContent = "▶ Open this notebook as an app (Voilà): the narrative and the widgets, no code";
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
    """Display it in a notebook to offer its app view; it shows nothing in the app itself."""

    _esm = _ESM


def app_mode_link() -> AppModeLink:
    """The link to this notebook's app view (see the module's docstring)."""
    return AppModeLink()

"""The project's one style sheet: cards, highlights, prompts, feedback and folded lists.

Colours follow the page's theme. JupyterLab and Voila define ``--jp-*`` CSS variables for the
light and the dark theme, and mark the body with ``data-jp-theme-light``; every rule here uses
those variables (with a light fallback for pages without them, such as the offline handouts),
and the few colours that must stay fixed (a yellow highlight) carry their own dark text so
that they read on either theme.

The sheet goes into the page once, however many explorers and exercises the page shows:
each of them puts :func:`page_style` first in its widget, an invisible anywidget that writes
the sheet into one ``<style id="article-explorer-style">`` in the document's head (or leaves
the one already there). In the head it outlives the cell that put it there: a re-run or cleared
cell, or a restarted kernel, leaves the page styled. :data:`STYLE` is the same sheet as a
``<style>`` element, for a page made without live widgets (the offline handouts put it in their head).
"""

from __future__ import annotations

import anywidget
import traitlets

from article_explorer.ui.theme import CLAIM, CONTEXT, EVENT, POSITION

#: Selector prefix for rules that apply only to a dark theme.
DARK = 'body[data-jp-theme-light="false"]'
#: The id of the page's one style element.
STYLE_ID = "article-explorer-style"
CONTEXT_COLOUR = CONTEXT.colour

_CSS = f"""
.ae-article p {{margin: 0 0 .7em 0; line-height: 1.55;}}
.ae-article .ae-pnum {{color: var(--jp-ui-font-color2, #555); font-size: .8em; margin-right: .4em;}}
.ae-article h4 {{margin: .8em 0 .3em 0;}}
.ae-sentence.ae-selected {{background: #fff3b0; color: #1a1a1a; outline: 2px solid #8a6d00; border-radius: 2px;
  scroll-margin: 30vh 0;}}
.ae-marks {{font-size: .85em; white-space: nowrap; margin: 0 .2em;}}
.ae-card {{border-left: 4px solid {EVENT.colour}; padding: 2px 8px; margin: 6px 0;}}
.ae-card.ae-claim {{border-left-color: {CLAIM.colour};}}
.ae-card.ae-position {{border-left-color: {POSITION.colour};}}
/* A context event (the coder's, not the article's): a dashed grey edge, as its mark □ is hollow. */
.ae-card.ae-context {{border-left: 4px dashed {CONTEXT_COLOUR};}}
.ae-context-note {{font-style: italic;}}
.ae-card .ae-meta, .ae-meta {{color: var(--jp-ui-font-color1, #333); font-size: .9em;}}
.ae-later {{color: var(--jp-content-font-color0, #000); font-weight: bold;}}
mark.ae-cue {{background: #ffd27f; color: #1a1a1a; font-weight: bold;}}
mark.ae-quote {{background: #cfe8ff; color: #1a1a1a;}}
mark.ae-name {{background: #e4f1d9; color: #1a1a1a;}}
.ae-nothing {{padding: 6px; background: var(--jp-layout-color2, #f4f4f4); color: var(--jp-ui-font-color1, #222);
  border: 1px dashed var(--jp-border-color1, #999);}}
.ae-right {{color: #00603a;}}
.ae-hint {{color: #8a3b00;}}
.ae-not-marked {{color: #3b3b8a;}}
{DARK} .ae-right {{color: #7ddc9f;}}
{DARK} .ae-hint {{color: #ffb877;}}
{DARK} .ae-not-marked {{color: #b8b8ff;}}
blockquote.ae-passage {{margin: 4px 0 6px 0; padding: 2px 10px; border-left: 3px solid var(--jp-border-color1, #999);
  color: var(--jp-content-font-color1, #1a1a1a);}}
{DARK} .ae-card .ae-meta, {DARK} .ae-meta {{color: var(--jp-ui-font-color1, #ddd);}}
details.ae-more > summary {{cursor: pointer; color: var(--jp-content-link-color, #0b5cad); margin: 4px 0;}}
.ae-question {{color: var(--jp-ui-font-color1, #1a1a1a);}}
.ae-howto {{color: var(--jp-ui-font-color1, #333); font-size: .85em; margin: 0 0 2px 0;}}
/* Cells tagged "lab-only" (how to run cells, the setup check) are left out of the app view. */
body[data-voila] .celltag_lab-only {{display: none;}}
/* A list with everything chosen should look chosen, not greyed out as if disabled. */
.widget-select-multiple select option:checked {{background: #cde3f7 linear-gradient(#cde3f7, #cde3f7);
  color: #1a1a1a;}}
/* A keyboard user sees where the focus is. */
.jupyter-widgets select:focus-visible, .jupyter-widgets input:focus-visible, .jupyter-widgets button:focus-visible
  {{outline: 2px solid #0b5cad; outline-offset: 1px;}}
/* Plotly's tool bar appears on hover; show it too when a keyboard user tabs into it. */
.js-plotly-plot .plotly .modebar:focus-within {{opacity: 1;}}
/* After a kernel restart the widgets on the page no longer answer: say so, and what to do. */
.ae-explorer.jupyter-widgets-disconnected::before, .ae-exercise.jupyter-widgets-disconnected::before {{
  content: "These controls stopped working: the kernel was restarted. Run the cells again "
    "(Run → Run All Cells).";
  display: block; font-family: inherit; font-size: 1em; padding: 6px; color: #1a1a1a; background: #fff3b0;
  border: 1px solid #8a6d00;}}
"""

STYLE = f"<style>{_CSS}</style>"

_ESM = r"""
function render({ model, el }) {
  el.style.display = "none";
  const id = model.get("element_id");
  let sheet = document.getElementById(id);
  if (!sheet) {
    sheet = document.createElement("style");
    sheet.id = id;
    document.head.appendChild(sheet);
  }
  if (sheet.textContent !== model.get("css")) sheet.textContent = model.get("css");
}
export default { render };
"""


class PageStyle(anywidget.AnyWidget):
    """Puts the style sheet in the page's head once; shows nothing itself."""

    _esm = _ESM
    css = traitlets.Unicode(_CSS).tag(sync=True)
    element_id = traitlets.Unicode(STYLE_ID).tag(sync=True)


_page_style: PageStyle | None = None


def page_style() -> PageStyle:
    """The kernel's one :class:`PageStyle`: put it first in every explorer's and exercise's widget."""
    global _page_style
    if _page_style is None:
        _page_style = PageStyle()
    return _page_style

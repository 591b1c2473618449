"""The project's one style sheet: cards, highlights, prompts, feedback and folded lists.

Colours follow the page's theme. JupyterLab and Voila define ``--jp-*`` CSS variables for the
light and the dark theme, and mark the body with ``data-jp-theme-light``; every rule here uses
those variables (with a light fallback for pages without them, such as the offline handouts),
and the few colours that must stay fixed (a yellow highlight) carry their own dark text so
that they read on either theme.

Explorers put :data:`STYLE` once at the top of their widget.
"""

from __future__ import annotations

#: Selector prefix for rules that apply only to a dark theme.
DARK = 'body[data-jp-theme-light="false"]'
#: The grey of the context mark (``reader.MARKS["context"]``): cards, charts and the map use it.
CONTEXT_COLOUR = "#6b6b6b"

_CSS = f"""
.ae-article p {{margin: 0 0 .7em 0; line-height: 1.55;}}
.ae-article .ae-pnum {{color: var(--jp-ui-font-color2, #555); font-size: .8em; margin-right: .4em;}}
.ae-article h4 {{margin: .8em 0 .3em 0;}}
.ae-sentence.ae-selected {{background: #fff3b0; color: #1a1a1a; outline: 2px solid #8a6d00; border-radius: 2px;
  scroll-margin: 30vh 0;}}
.ae-marks {{font-size: .85em; white-space: nowrap; margin: 0 .2em;}}
.ae-card {{border-left: 4px solid #0072B2; padding: 2px 8px; margin: 6px 0;}}
.ae-card.ae-claim {{border-left-color: #D55E00;}}
.ae-card.ae-position {{border-left-color: #56B4E9;}}
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
{DARK} .ae-right {{color: #7ddc9f;}}
{DARK} .ae-hint {{color: #ffb877;}}
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

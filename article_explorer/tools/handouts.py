"""Offline handouts: each notebook as one self-contained HTML file.

A handout is the notebook run top to bottom in a fresh kernel and written out the way the app
view shows it — the narrative and the widgets, no code:

* markdown cells as HTML;
* every figure drawn by plotly.js, which is included **once**, inline, in the file: figures
  still zoom, hover and filter by their legends, with no network;
* every widget **as it was rendered** when the notebook ran (from the widget state that the
  kernel saved): text, cards and tables as they were; lists, drop-downs, check boxes and
  sliders drawn disabled, with their choices visible.

Nothing is fetched: a handout opens from a USB stick or an e-mail attachment in any modern
browser. Make them with ``article-explorer handouts`` (see :func:`write_handouts`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from article_explorer.data.config import PROJECT_ROOT
from article_explorer.ui.plotview import LOADER_CLASS
from article_explorer.ui.rendering import PLOTLY_MIMETYPE, esc
from article_explorer.ui.style import STYLE

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
DEFAULT_OUT_DIR = PROJECT_ROOT / "build" / "handouts"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

PAGE_STYLE = """
body {font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 1100px;
      margin: 0 auto; padding: 1em 1.5em 4em; line-height: 1.5; color: #1a1a1a;}
.ae-handout-note {background: #fff8e1; border: 1px solid #e0c060; padding: .6em 1em; border-radius: 4px;}
.ae-row {display: flex; flex-wrap: wrap; gap: .6em; align-items: flex-start;}
.ae-column {display: flex; flex-direction: column; gap: .3em;}
.ae-control {display: inline-flex; gap: .4em; align-items: center; margin: .2em 0;}
.ae-control select, .ae-control input {font: inherit;}
.ae-figure {width: 100%; min-height: 300px;}
table {border-collapse: collapse;} th, td {border-bottom: 1px solid #ddd; padding: 2px 8px; text-align: left;}
kbd {border: 1px solid #aaa; border-radius: 3px; padding: 0 .3em; font-size: .9em;}
pre {background: #f6f6f6; padding: .5em; overflow-x: auto;}
"""


def execute(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, keeping the widget state."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


class _Renderer:
    """Turns one executed notebook into HTML, figure by figure and widget by widget."""

    def __init__(self, notebook: nbformat.NotebookNode):
        state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
        self.models: dict[str, dict] = state
        self.figures = 0

    # --- outputs ------------------------------------------------------------------------
    def outputs(self, outputs: Iterable[dict]) -> str:
        return "".join(self.output(output) for output in outputs)

    def output(self, output: dict) -> str:
        if output.get("output_type") == "stream":
            return f"<pre>{esc(output.get('text', ''))}</pre>"
        if output.get("output_type") == "error":
            return f"<pre class='ae-error'>{esc(output.get('ename'))}: {esc(output.get('evalue'))}</pre>"
        data = output.get("data", {})
        if WIDGET_VIEW in data:
            return self.widget(data[WIDGET_VIEW]["model_id"])
        if PLOTLY_MIMETYPE in data:
            figure = data[PLOTLY_MIMETYPE]
            return self.figure(figure.get("data", []), figure.get("layout", {}))
        if "text/html" in data:
            return data["text/html"]
        if "text/plain" in data:
            return f"<pre>{esc(data['text/plain'])}</pre>"
        return ""

    def figure(self, data: list, layout: dict) -> str:
        self.figures += 1
        figure_id = f"ae-figure-{self.figures}"
        payload = json.dumps({"data": data, "layout": layout}).replace("</", "<\\/")
        return (
            f'<div id="{figure_id}" class="ae-figure"></div>'
            f"<script>(function () {{ const f = {payload}; Plotly.newPlot('{figure_id}', f.data, f.layout, "
            "{responsive: true, displaylogo: false}); })();</script>"
        )

    # --- widgets --------------------------------------------------------------------------
    def widget(self, model_id: str) -> str:
        model = self.models.get(model_id)
        if model is None:
            return ""
        state = model.get("state", {})
        if self._hidden(state):
            return ""
        name = model.get("model_name", "")
        description = state.get("description", "")
        label = f"<label>{esc(description)}</label>" if description else ""
        if name in ("VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel"):
            css = "ae-row" if name == "HBoxModel" else "ae-column"
            return f"<div class='{css}'>" + "".join(self.widget(_ref(c)) for c in state.get("children", [])) + "</div>"
        if name in ("HTMLModel", "HTMLMathModel"):
            return f"<div>{state.get('value', '')}</div>"
        if name == "LabelModel":
            return f"<div>{esc(state.get('value', ''))}</div>"
        if name == "OutputModel":
            if LOADER_CLASS in state.get("_dom_classes", []):
                return ""
            return f"<div>{self.outputs(state.get('outputs', []))}</div>"
        if name == "AnyModel" and "figure" in state:
            base = (state.get("base") or {}).get("data", [])
            figure = state.get("figure") or {}
            return self.figure(base + figure.get("data", []), figure.get("layout", {}))
        if name in ("DropdownModel", "SelectModel", "SelectMultipleModel"):
            labels = state.get("_options_labels", [])
            chosen = state.get("index")
            chosen = set(chosen) if isinstance(chosen, list) else {chosen}
            multiple = " multiple" if name == "SelectMultipleModel" else ""
            size = f" size='{state.get('rows', 5)}'" if name != "DropdownModel" else ""
            options = "".join(
                f"<option{' selected' if i in chosen else ''}>{esc(text)}</option>" for i, text in enumerate(labels)
            )
            return f"<span class='ae-control'>{label}<select disabled{multiple}{size}>{options}</select></span>"
        if name == "CheckboxModel":
            checked = " checked" if state.get("value") else ""
            return f"<span class='ae-control'><input type='checkbox' disabled{checked}> {esc(description)}</span>"
        if name in ("IntSliderModel", "FloatSliderModel"):
            value = state.get("value")
            return (
                f"<span class='ae-control'>{label}<input type='range' disabled min='{state.get('min')}' "
                f"max='{state.get('max')}' value='{value}'> {esc(value)}</span>"
            )
        if name in ("IntTextModel", "TextModel", "FloatTextModel"):
            return f"<span class='ae-control'>{label}<input disabled value='{esc(state.get('value', ''))}'></span>"
        if name in ("ToggleButtonsModel", "RadioButtonsModel"):
            labels = state.get("_options_labels", [])
            marks = " · ".join(
                f"<b>{esc(text)}</b>" if i == state.get("index") else esc(text) for i, text in enumerate(labels)
            )
            return f"<span class='ae-control'>{label}{marks}</span>"
        if name == "ButtonModel":
            return f"<button disabled>{esc(description)}</button>"
        return ""

    def _hidden(self, state: dict) -> bool:
        layout = self.models.get(_ref(state.get("layout", "")), {}).get("state", {})
        return layout.get("display") == "none"


def _ref(value: str) -> str:
    return value.removeprefix("IPY_MODEL_") if isinstance(value, str) else ""


def render_handout(notebook: nbformat.NotebookNode, name: str, plotly_js: str) -> str:
    """The HTML of one executed notebook: narrative and outputs, no code, plotly.js inline once."""
    renderer = _Renderer(notebook)
    body = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            body.append(markdown2html_mistune(cell.source))
        elif cell.cell_type == "code":
            body.append(renderer.outputs(cell.get("outputs", [])))
    title = next((c.source.splitlines()[0].lstrip("# ") for c in notebook.cells if c.cell_type == "markdown"), name)
    made = dt.date.today().isoformat()
    note = (
        f"<p class='ae-handout-note'>Offline handout of <code>{esc(name)}.ipynb</code>, made on {made}. The figures "
        "are live: zoom, hover, and click legend entries to hide or show them. The controls are shown as they were "
        "when the notebook ran and cannot be changed here: open the notebook to explore.</p>"
    )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)}</title><style>{PAGE_STYLE}</style>{STYLE}"
        f"<script>{plotly_js}</script></head><body>{note}{''.join(body)}</body></html>\n"
    )


def write_handouts(out_dir: Path, notebooks: Iterable[Path] | None = None) -> list[Path]:
    """Run each notebook and write ``<name>.html`` into ``out_dir``; return the files written."""
    from plotly.offline import get_plotlyjs

    out_dir.mkdir(parents=True, exist_ok=True)
    plotly_js = get_plotlyjs().replace("</script", "<\\/script")
    written = []
    for path in notebooks or sorted(NOTEBOOK_DIR.glob("*.ipynb")):
        notebook = execute(Path(path))
        target = out_dir / f"{Path(path).stem}.html"
        target.write_text(render_handout(notebook, Path(path).stem, plotly_js), encoding="utf-8")
        written.append(target)
    return written

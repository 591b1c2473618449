"""Measure each notebook against the project's speed, traffic and memory targets; print a table.

    python benchmarks/run_benchmarks.py [--notebook 00_start_here] [--states 300] [--changes 10]

Nothing here passes or fails a test run: the numbers are for the maintainers' notes. For each
notebook it measures
  * run time in a fresh kernel, as a ratio to the floor: a fresh kernel that only imports
    pandas, plotly, ipywidgets and article_explorer (target <= 1.5);
  * Python-side time to update the views after a widget change, over many random widget
    states: median (target < 30 ms) and worst (target < 100 ms);
  * in Voila, in Debian's Chromium with the network blocked: time from opening the page to
    the first usable figure, and from a widget change to the redrawn figure (target < 200 ms);
  * bytes from the kernel to the browser: to open the notebook (HTML page plus websocket,
    target < 1 MB) and per widget change (target: about the changed figure's data);
  * peak kernel memory (target < 250 MB).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLOOR_SOURCE = "import pandas, plotly, ipywidgets, article_explorer"
MEMORY_SOURCE = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def run_notebook(notebook) -> tuple[float, str]:
    """Wall time to start a kernel and run every cell; and the last cell's printed output."""
    start = time.perf_counter()
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": NOTEBOOKS}})
    client.execute()
    elapsed = time.perf_counter() - start
    outputs = notebook.cells[-1].get("outputs", [])
    return elapsed, outputs[0].get("text", "") if outputs else ""


def execution_ratio(path: Path, repeats: int = 3) -> tuple[float, float, float, float]:
    """(notebook seconds, floor seconds, ratio, peak kernel MB), medians over ``repeats`` runs."""
    notebook_times, floor_times, memory = [], [], []
    for _ in range(repeats):
        notebook = nbformat.read(path, as_version=4)
        notebook.cells.append(nbformat.v4.new_code_cell(MEMORY_SOURCE))
        seconds, printed = run_notebook(notebook)
        notebook_times.append(seconds)
        memory.append(int(printed.strip()) / 1024)
        floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
        floor_times.append(run_notebook(floor)[0])
    notebook_s, floor_s = statistics.median(notebook_times), statistics.median(floor_times)
    return notebook_s, floor_s, notebook_s / floor_s, max(memory)


# --- Python-side updates: one driver per explorer ------------------------------------


def reader_driver() -> tuple[object, list]:
    from article_explorer import load_dataset
    from article_explorer.explorers.reader import ArticleReader

    reader = ArticleReader(load_dataset())
    return reader, [reader.sentence_picker, reader.row_picker]


def timeline_driver() -> tuple[object, list]:
    from article_explorer import load_dataset
    from article_explorer.explorers.timeline.explorer import TimelineExplorer

    app = TimelineExplorer(load_dataset())
    return app, [app.lanes, app.hindsight, app.first_year, app.last_year, app.actors, app.statuses, app.event_picker]


def positions_driver() -> tuple[object, list]:
    from article_explorer import load_dataset
    from article_explorer.explorers.network import ActorNetworkExplorer
    from article_explorer.explorers.positions import PositionMatrixExplorer, StanceOverTime

    dataset = load_dataset()
    matrix, over_time, network = PositionMatrixExplorer(dataset), StanceOverTime(dataset), ActorNetworkExplorer(dataset)
    pickers = [matrix.bases, matrix.voices, matrix.cell_picker, over_time.issue]
    pickers += [network.issue, network.first_year, network.last_year, network.kinds, network.actor_picker]
    return (matrix, over_time, network), pickers


def map_driver() -> tuple[object, list]:
    from article_explorer import load_dataset
    from article_explorer.explorers.map.explorer import MapExplorer

    app = MapExplorer(load_dataset())
    return app, [*app.layer_boxes.values(), app.year, app.hindsight, app.centre, app.radius, app.place_picker]


def claims_driver() -> tuple[object, list]:
    from article_explorer import load_dataset
    from article_explorer.exercises.coding import CodingWorkbench, PredictionReview
    from article_explorer.explorers.claims import ClaimsExplorer

    dataset = load_dataset()
    app, workbench, review = ClaimsExplorer(dataset), CodingWorkbench(dataset), PredictionReview(dataset)
    pickers = [app.types, app.voices, app.time_frames, app.actor, app.issue, app.claim_picker]
    pickers += [picker for pair in workbench.pickers.values() for picker in pair] + list(review.verdicts.values())
    return (app, workbench, review), pickers


DRIVERS: dict[str, Callable[[], tuple[object, list]]] = {
    "00_start_here": reader_driver,
    "01_timeline": timeline_driver,
    "02_actors_and_positions": positions_driver,
    "03_geography_of_militarisation": map_driver,
    "04_claims_and_evidence": claims_driver,
}
#: The widget each notebook's browser measurement changes, by its description.
BROWSER_CONTROL = {
    "00_start_here": "Sentence",
    "01_timeline": "Event",
    "02_actors_and_positions": "Cell",
    "03_geography_of_militarisation": "Place",
    "04_claims_and_evidence": "Claim",
}


def update_times(name: str, states: int) -> tuple[float, float]:
    """Median and worst milliseconds to bring the views in line after one random widget change."""
    _, pickers = DRIVERS[name]()
    # Building an explorer leaves many new objects, and Python's next full garbage collection
    # (its cost set by this process's whole heap, nbclient's included) would land inside one
    # of the timed changes, at a point that moves with any change to the code: collect first.
    gc.collect()
    rng = random.Random(2016)
    times = []
    for _ in range(states):
        picker = rng.choice(pickers)
        values = [v[1] if isinstance(v, tuple) else v for v in getattr(picker, "options", [True, False])]
        if hasattr(picker, "max") and not hasattr(picker, "options"):  # a slider
            values = list(range(picker.min, picker.max + 1, picker.step))
        if hasattr(picker, "rows") and isinstance(picker.value, tuple):  # a multiple choice
            value = tuple(v for v in values if rng.random() < 0.7)
        else:
            value = rng.choice(values)
        start = time.perf_counter()
        picker.value = value
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


# --- In the browser ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_voila(workdir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "voila", str(NOTEBOOKS), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
    if os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    process = subprocess.Popen(command, stdout=open(workdir / "voila.log", "w"), stderr=subprocess.STDOUT)  # noqa: SIM115
    url = f"http://127.0.0.1:{port}"
    for _ in range(180):
        try:
            urllib.request.urlopen(url + "/voila/tree", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("voila did not start")


SIGNATURE_JS = (
    "() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].map(gd => [gd.data, gd.layout.shapes]))"
)


def browser_numbers(name: str, url: str, changes: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    received = {"bytes": 0}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort())
        page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda p: received.__setitem__("bytes", received["bytes"] + len(p))),
        )
        html_bytes = {"n": 0}
        page.on(
            "response",
            lambda r: html_bytes.__setitem__("n", len(r.body())) if r.url.endswith(f"{name}.ipynb") else None,
        )
        start = time.perf_counter()
        page.goto(f"{url}/voila/render/{name}.ipynb", timeout=300_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=300_000)
        page.wait_for_selector(".jupyter-widgets select", timeout=300_000)
        page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].length >= 2", timeout=300_000)
        first_figure = time.perf_counter() - start
        page.wait_for_timeout(1500)
        open_bytes = received["bytes"] + html_bytes["n"]
        label = BROWSER_CONTROL[name]
        # the explorer's list: an exercise may show the same list again, further down
        sentence = page.locator(f'label.widget-label:text-is("{label}")').locator("xpath=..").locator("select").first
        options = sentence.locator("option").count()
        redraws, per_change = [], []
        rng = random.Random(30)
        current = 0
        for _ in range(changes):
            before_sig = page.evaluate(SIGNATURE_JS)
            before_bytes = received["bytes"]
            current = (current + rng.randrange(3, 8)) % options  # a different paragraph, most of the time
            t0 = time.perf_counter()
            sentence.select_option(index=current)
            try:
                page.wait_for_function(
                    f"before => ({SIGNATURE_JS})() !== before", arg=before_sig, timeout=5000, polling="raf"
                )
                redraws.append((time.perf_counter() - t0) * 1000)
            except Exception:  # the same paragraph: the figure rightly stays as it was
                pass
            page.wait_for_timeout(300)
            per_change.append(received["bytes"] - before_bytes)
        browser.close()
    return {
        "first_figure_s": first_figure,
        "redraw_median_ms": statistics.median(redraws) if redraws else float("nan"),
        "redraw_worst_ms": max(redraws) if redraws else float("nan"),
        "open_kb": open_bytes / 1024,
        "change_kb": statistics.median(per_change) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", action="append", help="notebook stem(s); default: every notebook with a driver")
    parser.add_argument("--states", type=int, default=300, help="random widget states for the Python-side timing")
    parser.add_argument("--changes", type=int, default=10, help="widget changes in the browser")
    args = parser.parse_args()
    names = args.notebook or [p.stem for p in sorted(NOTEBOOKS.glob("*.ipynb")) if p.stem in DRIVERS]
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        voila, url = start_voila(Path(workdir))
        try:
            for name in names:
                notebook_s, floor_s, ratio, memory_mb = execution_ratio(NOTEBOOKS / f"{name}.ipynb")
                median_ms, worst_ms = update_times(name, args.states)
                browser = browser_numbers(name, url, args.changes)
                rows.append((name, notebook_s, floor_s, ratio, median_ms, worst_ms, browser, memory_mb))
        finally:
            voila.terminate()
    header = (
        "| notebook | run s | floor s | ratio (<=1.5) | update median ms (<30) | update worst ms (<100) "
        "| first figure s | redraw median ms (<200) | redraw worst ms | open kB (<1024) | per change kB "
        "| peak MB (<250) |"
    )
    print(header)
    print(re.sub(r"[^|]", "-", header))
    for name, notebook_s, floor_s, ratio, median_ms, worst_ms, b, memory_mb in rows:
        print(
            f"| {name} | {notebook_s:.2f} | {floor_s:.2f} | {ratio:.2f} | {median_ms:.1f} | {worst_ms:.1f} | "
            f"{b['first_figure_s']:.2f} | {b['redraw_median_ms']:.0f} | {b['redraw_worst_ms']:.0f} | "
            f"{b['open_kb']:.0f} | {b['change_kb']:.1f} | {memory_mb:.0f} |"
        )


if __name__ == "__main__":
    main()

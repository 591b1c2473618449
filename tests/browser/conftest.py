"""Real browsers on real servers: Debian's Chromium, JupyterLab and Voila, network blocked.

Each (server, dataset) pair is started once per test session. JupyterLab gets a throw-away
settings folder that turns off notebook windowing (so every output is in the page) and the
news check.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from article_explorer.data.config import PROJECT_ROOT

from ..conftest import DATASETS, write_broken_dataset, write_hostile_dataset

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
SERVER_CONFIG = PROJECT_ROOT / "jupyter-config" / "jupyter_server_config.py"
SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@dataclass
class Server:
    kind: str
    url: str
    process: subprocess.Popen
    log: Path | None = None

    def log_tail(self, characters: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-characters:] if self.log else ""

    def notebook_url(self, name: str) -> str:
        # ?reset: start from an empty workspace, not from the notebooks an earlier test left open
        return f"{self.url}/lab/tree/{name}?reset" if self.kind == "lab" else f"{self.url}/voila/render/{name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def lab_settings(folder: Path) -> None:
    for plugin, settings in {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    }.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings), encoding="utf-8")


def start_server(kind: str, dataset: Path, workdir: Path) -> Server:
    """Serve a copy of the notebooks, so that nothing a test runs is ever saved into the repository."""
    notebooks = workdir / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, notebooks)
    port = free_port()
    env = {**os.environ, "ARTICLE_DATA_DIR": str(dataset), "JUPYTER_PLATFORM_DIRS": "1"}
    if kind == "lab":
        lab_settings(workdir / "settings")
        env |= {"JUPYTERLAB_SETTINGS_DIR": str(workdir / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(workdir)}
        command = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            f"--config={SERVER_CONFIG}",  # as the README's command does
            "--LabApp.expose_app_in_browser=True",
        ]
        ready = "/lab"
    else:
        command = [sys.executable, "-m", "voila"]
        ready = "/voila/tree"
    command += [
        str(notebooks) if kind == "voila" else f"--ServerApp.root_dir={notebooks}",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1" if kind == "lab" else "--Voila.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root" if kind == "lab" else "--ServerApp.allow_root=True")
    log = open(workdir / f"{kind}.log", "w")  # noqa: SIM115 - kept open for the server's life
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{kind} exited: {(workdir / f'{kind}.log').read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + ready, timeout=2) as response:
                if response.status == 200:
                    return Server(kind, url, process, workdir / f"{kind}.log")
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"{kind} did not start: {(workdir / f'{kind}.log').read_text()[-3000:]}")


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """Start servers on demand: servers(kind, dataset_name) -> Server."""
    started: dict[tuple[str, str], Server] = {}
    written = {
        "hostile": lambda: write_hostile_dataset(tmp_path_factory.mktemp("hostile") / "data").path,
        "broken": lambda: write_broken_dataset(tmp_path_factory.mktemp("broken") / "data"),
    }

    def get(kind: str, dataset: str) -> Server:
        if (kind, dataset) not in started:
            path = written[dataset]() if dataset in written else DATASETS[dataset]
            started[(kind, dataset)] = start_server(kind, path, tmp_path_factory.mktemp(f"{kind}-{dataset}"))
        return started[(kind, dataset)]

    yield get
    for server in started.values():
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: `apt-get install -y chromium` (scripts/run-tests.sh does it)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

"""axe-core, the accessibility engine, fetched once from the npm registry and checked.

The tarball is pinned by version and by the registry's sha512 integrity, cached in
``build/cache/``, and injected into pages as a script: nothing else of npm is needed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import urllib.request

from article_explorer.data.config import PROJECT_ROOT

AXE_VERSION = "4.11.4"
AXE_TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
AXE_INTEGRITY = "sha512-KunSNx+TVpkAw/6ULfhnx+HWRecjqZGTOyquAoWHYLRSdK1tB5Ihce1ZW+UY3fj33bYAFWPu7W/GRSmmrCGuxA=="
CACHE = PROJECT_ROOT / "build" / "cache" / f"axe-core-{AXE_VERSION}.tgz"

#: The standards checked: WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    """The text of ``axe.min.js``, from the cache or the npm registry, integrity-checked."""
    if not CACHE.exists():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(AXE_TARBALL, timeout=60) as response:
            CACHE.write_bytes(response.read())
    tarball = CACHE.read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode("ascii")
    if digest != AXE_INTEGRITY:
        CACHE.unlink()
        raise RuntimeError(f"{AXE_TARBALL}: integrity {digest} is not the pinned {AXE_INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        return archive.extractfile("package/axe.min.js").read().decode("utf-8")


RUN_AXE_JS = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.slice(0, 200))}));
}"""


def serious_violations(page) -> list[dict]:
    """Run axe-core on the page; the violations of serious or critical impact."""
    page.add_script_tag(content=axe_source())
    violations = page.evaluate(RUN_AXE_JS, AXE_TAGS)
    return [v for v in violations if v["impact"] in ("serious", "critical")]

"""Bring a part of the page into view, from Python: the reader's "jump to the sentence".

An HTML widget cannot run a script, so a tiny anywidget does it: set :attr:`ScrollTarget.target`
to a CSS selector, and the browser scrolls the first element that matches it (once it has been
drawn) to the middle of the screen — in JupyterLab's notebook panel and in Voila's page alike.
"""

from __future__ import annotations

import anywidget
import traitlets

_ESM = r"""
function render({ model, el }) {
  el.style.display = "none";
  const jump = () => {
    const selector = model.get("target");
    if (!selector) return;
    let tries = 0;
    const attempt = () => {  // the element may not be drawn yet: the HTML arrives in its own message
      const found = document.querySelector(selector);
      if (found) {
        found.scrollIntoView({ block: "center", behavior: "smooth" });
      } else if (tries++ < 40) {
        setTimeout(attempt, 50);
      }
    };
    attempt();
  };
  model.on("change:target", jump);
  model.on("change:nonce", jump);
}
export default { render };
"""


class ScrollTarget(anywidget.AnyWidget):
    """Display it once; :meth:`scroll_to` a selector to bring that element into view."""

    _esm = _ESM
    target = traitlets.Unicode("").tag(sync=True)
    nonce = traitlets.Int(0).tag(sync=True)

    def scroll_to(self, selector: str) -> None:
        """Scroll to ``selector`` (again, if it is the same as last time)."""
        with self.hold_sync():
            self.target = selector
            self.nonce += 1

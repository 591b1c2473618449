"""What the Jupyter server needs from this project, used by ``jupyter-config/jupyter_server_config.py``.

Voila shuts an app's kernel down when its page closes: the page posts to
``voila/api/shutdown/<kernel>`` with the ``_xsrf`` cookie as its proof of origin. When Voila runs
inside JupyterLab's server (the ``voila/render/…`` route that the README and Binder use), that
cookie is never set on the app's page — the page streams out before anything asks for it — so
the shutdown is refused (``403 '_xsrf' argument missing``) and every page view leaves a kernel
behind. :func:`set_xsrf_cookie` runs as Voila's ``prelaunch_hook``, before the page is sent, and
asks for the token, which makes tornado set the cookie.
"""

from __future__ import annotations


def set_xsrf_cookie(request_handler, notebook=None, cwd=None):
    """Voila's ``prelaunch_hook``: make sure the app's page carries the ``_xsrf`` cookie.

    Returns ``None``, which tells Voila to use the notebook as it is.
    """
    request_handler.xsrf_token  # noqa: B018 - reading it sets the cookie
    return None

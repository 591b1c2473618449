# The Jupyter server's settings for this project: the README's command passes this file with
# --config, and Binder finds it through binder/start (JUPYTER_CONFIG_PATH).
# Both exist so that a class does not run out of memory: an app page (Voila) shuts its kernel
# down when it closes, and kernels that nobody has used for ten minutes are stopped.
from pathlib import Path

from article_explorer.tools.server import set_xsrf_cookie

c = get_config()  # noqa: F821 - provided by Jupyter when it reads this file

# Voila's app pages shut their kernel down when closed (see article_explorer/tools/server.py).
c.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie

# Stop kernels idle for 10 minutes that no page is connected to (a closed tab, a crashed
# browser); a notebook open in a tab is never stopped under a learner. Checked every minute.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = False
c.MappingKernelManager.cull_busy = False

# JupyterLab saves the widgets' state in a notebook when it saves the notebook, so that a
# saved notebook reopens with its widgets drawn (not "Error displaying widget: model not
# found") until its cells are run again. That folder holds only this one setting, in overrides.json.
c.LabApp.app_settings_dir = str(Path(__file__).parent / "lab-settings")

# An app page may be asked for in the dark theme: add ?theme=dark to its address.
c.VoilaConfiguration.allow_theme_override = "YES"

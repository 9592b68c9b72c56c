"""Starts Jupyter Notebook 6 (Debian's python3-notebook) for the notebook role with fast start on.

The same server as `python3 -m notebook`, less two imports that cost about half of its start-up CPU
and serve nothing at start (README.md, "Start-up"):
- setuptools' distutils shim (it pulls in pkg_resources): the entrypoint starts this process with
  SETUPTOOLS_USE_DISTUTILS=stdlib, and it is removed again here, so kernels get the usual setting;
- IPython, which Notebook 6 imports only to find IPython's folder for one legacy nbextensions path.
  The path is the same without it: IPYTHONDIR, else ~/.ipython (IPython's own rule).
"""

import os
import sys

os.environ.pop("SETUPTOOLS_USE_DISTUTILS", None)

from jupyter_core.paths import jupyter_path  # noqa: E402
from notebook import notebookapp  # noqa: E402


def _nbextensions_path(app):
    ipython_dir = os.environ.get("IPYTHONDIR") or os.path.join(os.path.expanduser("~"), ".ipython")
    return app.extra_nbextensions_path + jupyter_path("nbextensions") + [os.path.join(ipython_dir, "nbextensions")]


notebookapp.NotebookApp.nbextensions_path = property(_nbextensions_path, doc="Where to look for notebook extensions")

if __name__ == "__main__":
    sys.exit(notebookapp.main())

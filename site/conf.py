"""Sphinx configuration of the collection's website (`make site`, see site/build.py).

Sphinx + MyST-NB + sphinx-book-theme: the stack Jupyter Book 1 is built on, all from pip.
MyST-NB runs every notebook once in this environment's kernel while the site is built;
the theme gives the navigation and the Binder launch button; site/_ext/closest_site.py adds
what the stack lacks: figures keep their alt text, a visible Binder link under the learning
objectives, a note in place of the explorers (widgets need a running kernel), and links to
files outside the notebooks go to the repository.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# Where the collection lives online: the same owner/repo as README's Binder badge.
OWNER_REPO = "closest-partners/closest-partners"
REPOSITORY = f"https://github.com/{OWNER_REPO}"
BRANCH = "HEAD"

project = "Closest Partners"
author = "Closest Partners contributors"
copyright = "Closest Partners contributors; teaching text and figures CC BY 4.0"
language = "en"

extensions = ["myst_nb", "closest_site"]
root_doc = "index"
exclude_patterns = ["**.ipynb_checkpoints"]

# site/_ext/closest_site.py: the visible Binder link (the same as the theme's launch button),
# and where links to files that are not pages go.
closest_binder_url = f"https://mybinder.org/v2/gh/{OWNER_REPO}/{BRANCH}?urlpath=lab/tree/{{path}}"
closest_repository_url = REPOSITORY
closest_repository_branch = BRANCH

# ---- notebooks: run each once, in this environment, and fail the build on any error -----
nb_execution_mode = "force"           # never reuse old outputs: the site shows this run
nb_execution_timeout = 120            # seconds per cell, as for nbval in `make test`
nb_execution_raise_on_error = True    # an error in a cell stops the build
nb_execution_allow_errors = False
nb_execution_show_tb = True           # print the traceback in the build log
nb_merge_streams = True
nb_ipywidgets_js = {}                 # no widget JavaScript from a CDN: explorers need a kernel
nb_kernel_rgx_aliases = {".*": "python3"}  # whatever a notebook names: this environment's kernel

# ---- Markdown, as JupyterLab renders it -------------------------------------------------
myst_heading_anchors = 3
myst_enable_extensions = ["dollarmath", "strikethrough"]

# ---- HTML -------------------------------------------------------------------------------
html_title = "Closest Partners"
html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["closest.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False              # a notebook alone is no use without helpers: Binder instead
html_theme_options = {
    "repository_url": REPOSITORY,
    "repository_branch": BRANCH,
    "path_to_docs": "",               # pages are notebooks/<name>: the same path as in the repository
    "use_repository_button": True,
    "use_download_button": True,      # print the page / save it as PDF
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "launch_buttons": {
        "binderhub_url": "https://mybinder.org",
        "notebook_interface": "jupyterlab",  # ?urlpath=lab/tree/notebooks/<name>.ipynb
    },
}

"""What the website needs beyond Sphinx + MyST-NB + sphinx-book-theme (site/conf.py).

1. Alt text. The notebooks attach it to each figure as display metadata,
   ``display(fig, metadata={"image/png": {"alt": "..."}})`` (helpers.show). MyST-NB 1.4 reads
   only ``width`` and ``height`` from that metadata, so without this the <img> would get its
   file name as alt. ``render_image`` is wrapped to copy ``alt`` onto the image node.
2. A visible "Run this notebook on Binder" line at the end of the learning objectives (the
   theme's launch button is an icon in the page header).
3. Explorers: an ipywidgets view needs a running kernel and has no saved state in a built
   page, so its empty output is replaced by a note with the Binder link. The static default
   view drawn just before it (CONTRIBUTING.md) stays.
4. Links from a notebook to files that are not pages (``../data/README.md``,
   ``../CITATION.cff``) go to the file in the repository; JupyterLab-style anchors
   (``01_history.ipynb#France,-the-first-ally``) are matched to the heading they name.
5. Explorer cells can stall for the whole cell timeout (120 s) and then pass under nbclient
   (PITFALLS.md; jupyter/nbclient#312): a reply that arrives while nbclient waits on the
   kernel's channel is sometimes not noticed until the wait times out (pyzmq then polls once
   more and finds it). Waiting in one-second slices notices it within a second instead.
"""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from queue import Empty
from time import monotonic

from docutils import nodes
from jupyter_client.channels import AsyncZMQSocketChannel
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from myst_nb.core.render import MimeData, NbElementRenderer

ROOT = Path(__file__).resolve().parents[2]  # the repository (site/_ext/ -> site/ -> root)
WIDGET = "application/vnd.jupyter.widget-view+json"


# ---- 1. alt text ------------------------------------------------------------------------

_render_image = NbElementRenderer.render_image


def render_image_with_alt(self: NbElementRenderer, data: MimeData) -> list[nodes.Element]:
    """MyST-NB's image rendering, plus the alt text the output carries in its metadata."""
    result = _render_image(self, data)
    alt = data.output_metadata.get(data.mime_type, {}).get("alt")
    if isinstance(alt, str) and alt.strip():
        for node in result:
            for image in node.findall(nodes.image):
                image["alt"] = alt.strip()
    return result


NbElementRenderer.render_image = render_image_with_alt


# ---- 5. no stall on a missed reply -------------------------------------------------------

_get_msg = AsyncZMQSocketChannel.get_msg
SLICE = 1.0  # seconds


async def get_msg_in_slices(self: AsyncZMQSocketChannel, timeout: float | None = None) -> dict:
    """jupyter_client's get_msg, waiting at most SLICE seconds at a time (same overall timeout)."""
    if timeout is not None and timeout <= SLICE:
        return await _get_msg(self, timeout)
    deadline = None if timeout is None else monotonic() + timeout
    while True:
        step = SLICE if deadline is None else min(SLICE, max(0.0, deadline - monotonic()))
        try:
            return await _get_msg(self, step)
        except Empty:
            if deadline is not None and monotonic() >= deadline:
                raise


AsyncZMQSocketChannel.get_msg = get_msg_in_slices


# ---- 2. and 3. Binder link and explorers -----------------------------------------------

def _repo_path(app: Sphinx, docname: str) -> str:
    """The page's source file relative to the repository (the build tree mirrors it)."""
    return Path(app.env.doc2path(docname)).relative_to(app.srcdir).as_posix()


def binder_url(app: Sphinx, docname: str) -> str:
    return app.config.closest_binder_url.format(path=_repo_path(app, docname))


def _launch_paragraph(url: str, text: str, classes: list[str]) -> nodes.paragraph:
    para = nodes.paragraph(classes=classes)
    para += nodes.Text(text[0])
    para += nodes.reference("", text[1], refuri=url, internal=False)
    para += nodes.Text(text[2])
    return para


def _is_objectives(section: nodes.section) -> bool:
    title = section.next_node(nodes.title)
    return title is not None and title.astext().strip().lower() == "learning objectives"


def add_binder_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not _repo_path(app, docname).endswith(".ipynb"):
        return
    url = binder_url(app, docname)
    launch = _launch_paragraph(url, (
        "Reading is enough to follow the lesson. To run the code and try the exercises, ",
        "run this notebook on Binder", " (nothing to install; it opens in JupyterLab)."),
        ["closest-launch"])
    objectives = next((s for s in doctree.findall(nodes.section) if _is_objectives(s)), None)
    if objectives is not None:
        objectives += launch
    else:  # no objectives: right under the title
        top = doctree.next_node(nodes.section)
        (top or doctree).insert(1 if top else 0, launch)

    for output in list(doctree.findall(nodes.container)):
        if "cell_output" not in output.get("classes", []):
            continue
        for raw in list(output.findall(nodes.raw)):
            if WIDGET in raw.astext():
                note = nodes.container(classes=["closest-explorer-note"])
                note += _launch_paragraph(url, (
                    "The interactive explorer opens here when the notebook runs: ",
                    "run this notebook on Binder",
                    " to use it; the view drawn above is its default."), [])
                raw.replace_self(note)


# ---- 4. links to files that are not pages ---------------------------------------------

class RepositoryLinks(SphinxPostTransform):
    """Before MyST resolves links (priority 9): send the ones it cannot resolve elsewhere."""

    default_priority = 8

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            if node.get("refdomain") == "doc":
                self._doc_link(node)
            elif node.get("refdomain") is None:
                self._file_link(node)

    def _blob(self, repo_path: str, anchor: str | None = None, folder: bool = False) -> str:
        url = self.config.closest_repository_url.rstrip("/")
        url += f"/{'tree' if folder else 'blob'}/{self.config.closest_repository_branch}/{repo_path}"
        return url + (f"#{anchor}" if anchor else "")

    def _replace(self, node: addnodes.pending_xref, url: str) -> None:
        ref = nodes.reference("", "", *[c.deepcopy() for c in node.children], refuri=url,
                              internal=False, classes=["closest-repository-link"])
        node.replace_self(ref)

    def _doc_link(self, node: addnodes.pending_xref) -> None:
        target, anchor = node["reftarget"], node.get("reftargetid")
        if target in self.env.all_docs:
            if anchor:
                node["reftargetid"] = self._anchor(target, anchor)
            return
        for suffix in (".md", ".ipynb"):
            path = ROOT / (target + suffix)
            if path.is_file():
                github = anchor.lower() if anchor else None
                self._replace(node, self._blob(f"{target}{suffix}", github))
                return

    def _file_link(self, node: addnodes.pending_xref) -> None:
        target = node["reftarget"]
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            return
        path_part, _, anchor = target.partition("#")
        docdir = PurePosixPath(self.env.docname).parent
        path = (ROOT / docdir / path_part).resolve()
        if path_part and path.exists() and path.is_relative_to(ROOT):
            self._replace(node, self._blob(path.relative_to(ROOT).as_posix(), anchor or None,
                                           folder=path.is_dir()))

    def _anchor(self, docname: str, anchor: str) -> str:
        """MyST's slug for an anchor written JupyterLab's way (Heading-Text)."""
        slugs = self.env.metadata[docname].get("myst_slugs", {})
        if anchor in slugs:
            return anchor
        for slug, (_, _, text) in slugs.items():
            if text.replace(" ", "-") == anchor:
                return slug
        return anchor


def setup(app: Sphinx) -> dict:
    app.add_config_value("closest_binder_url", "", "html")
    app.add_config_value("closest_repository_url", "", "html")
    app.add_config_value("closest_repository_branch", "HEAD", "html")
    app.connect("doctree-resolved", add_binder_links)
    app.add_post_transform(RepositoryLinks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

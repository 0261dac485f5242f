"""Shared test fixtures: where the project, its data and the raw sources are."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture
def sources() -> Path:
    """The raw sources folder; tests that need it are skipped, with the reason, without it."""
    if not SOURCES.is_dir():
        pytest.skip(f"the raw sources folder {SOURCES} is not beside the project")
    return SOURCES


@pytest.fixture(scope="session")
def load():
    """`helpers.load` on the committed tables in data/."""
    import helpers
    return helpers.load


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every figure a test leaves open (drawing functions are tested with display mocked)."""
    yield
    import matplotlib.pyplot as plt
    plt.close("all")


@pytest.fixture
def capture_figures(monkeypatch):
    """Replace `show` in the given modules: figures are recorded and closed, not displayed.

    `capture_figures(module, ...)` returns the list that fills with (figure, alt text), or with
    the alt text alone when `alt_only=True`.
    """
    def capture(*modules, alt_only: bool = False):
        import matplotlib.pyplot as plt
        shown = []

        def fake_show(fig, alt):
            shown.append(alt if alt_only else (fig, alt))
            plt.close(fig)
        for module in modules:
            monkeypatch.setattr(module, "show", fake_show)
        return shown
    return capture

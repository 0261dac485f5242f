"""environment.yml (conda, Binder) and pyproject.toml (pip) describe the same environment."""
import re
import tomllib

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# conda-forge names that differ from the PyPI name of the same package
CONDA_TO_PIP = {"playwright-python": "playwright"}


def _pip_requirements() -> dict[str, str]:
    project = PYPROJECT["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += extra
    out = {}
    for req in reqs:
        m = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", req)
        out[m.group(1).lower()] = m.group(2)
    return out


def _conda_requirements() -> dict[str, str]:
    out = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"\s*-\s+([A-Za-z0-9_.\-]+)=([0-9.]+)\s*(#.*)?$", line)
        if m:
            name = m.group(1).lower()
            out[CONDA_TO_PIP.get(name, name)] = m.group(2)
    return out


def _as_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def _satisfies(version: str, spec: str) -> bool:
    """Does the conda pin `version` (e.g. "3.1" meaning 3.1.*) fall inside the pip range?"""
    v = _as_tuple(version)
    for clause in filter(None, (c.strip() for c in spec.split(","))):
        op, bound = re.match(r"(>=|<=|==|<|>)\s*([0-9.]+)", clause).groups()
        b = _as_tuple(bound)
        n = len(b)
        head = v[:n] + (0,) * max(0, n - len(v))
        ok = {">=": head >= b, ">": head > b, "<": head < b, "<=": head <= b, "==": head == b}[op]
        if not ok:
            return False
    return True


def test_same_packages():
    conda = set(_conda_requirements()) - {"python"}
    assert conda == set(_pip_requirements())


def test_versions_compatible():
    pip = _pip_requirements()
    for name, version in _conda_requirements().items():
        if name == "python":
            continue
        assert _satisfies(version, pip[name]), f"{name}: conda pins {version}, pip asks {pip[name]}"


def test_python_pinned_and_allowed():
    conda = _conda_requirements()
    assert "python" in conda
    assert _satisfies(conda["python"], PYPROJECT["project"]["requires-python"])


def test_every_line_says_why():
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if re.match(r"\s*-\s+\w", line) and "conda-forge" not in line:
            assert "#" in line, f"say why this package is needed: {line.strip()}"


def test_satisfies_rejects_out_of_range():
    assert _satisfies("3.1", ">=3.1,<3.2")
    assert not _satisfies("3.2", ">=3.1,<3.2")
    assert not _satisfies("3.0", ">=3.1,<3.2")


def test_every_helpers_package_is_installed():
    """An install that is not editable gets only the packages pyproject.toml lists."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "helpers").rglob("__init__.py")
             if "__pycache__" not in init.parts}
    assert found <= listed, f"pyproject.toml [tool.setuptools] packages leaves out {sorted(found - listed)}"

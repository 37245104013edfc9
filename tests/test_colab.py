"""모든 장의 Colab 설치 셀과 Colab 링크가 _config.yml과 맞는지, 설치 셀이 Colab 밖에서 아무 일도 안 하는지."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from tests.book_files import ROOT, colab_link, config, toc_files, toc_notebooks

NOTEBOOKS = toc_notebooks()


def first_code_cell(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    return next(cell.source for cell in nb.cells if cell.cell_type == "code")


class RecordingShell:
    """셀이 부르는 IPython 매직(%pip 등)을 실행하지 않고 기록만 한다."""

    def __init__(self) -> None:
        self.magics: list[tuple[str, str]] = []

    def run_line_magic(self, name: str, line: str) -> None:
        self.magics.append((name, line))


def run_setup_cell(source: str, in_colab: bool) -> list[tuple[str, str]]:
    shell = RecordingShell()
    code = TransformerManager().transform_cell(source)
    saved = sys.modules.get("google.colab")
    if in_colab:
        sys.modules["google.colab"] = types.ModuleType("google.colab")
    else:
        sys.modules.pop("google.colab", None)
    try:
        exec(compile(code, "<setup cell>", "exec"), {"get_ipython": lambda: shell})
    finally:
        sys.modules.pop("google.colab", None)
        if saved is not None:
            sys.modules["google.colab"] = saved
    return shell.magics


def test_every_toc_entry_exists() -> None:
    for name in toc_files():
        assert (ROOT / f"{name}.ipynb").exists() or (ROOT / f"{name}.md").exists(), name
    assert NOTEBOOKS, "목차에 노트북이 하나도 없습니다"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_installs_from_configured_repository(notebook: Path) -> None:
    cfg = config()
    source = first_code_cell(notebook)
    expected = f'pip install -q "mnist-course @ git+{cfg["repository"]["url"]}@{cfg["repository"]["branch"]}"'
    assert run_setup_cell(source, in_colab=True) == [("pip", expected.removeprefix("pip "))]
    assert "tensorflow" not in source.lower(), "Colab의 TensorFlow를 다시 설치하거나 바꾸면 안 됩니다"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_is_a_no_op_outside_colab(notebook: Path) -> None:
    assert run_setup_cell(first_code_cell(notebook), in_colab=False) == []


def test_colab_link_format() -> None:
    link = colab_link(ROOT / "book" / "03_mnist_practice.ipynb")
    assert link.startswith("https://colab.research.google.com/github/")
    assert link.endswith("/blob/main/book/03_mnist_practice.ipynb")
    assert "/book/book/" not in link


def test_pyproject_accepts_colab_tensorflow() -> None:
    """패키지 의존성은 Colab의 TensorFlow(2.16+, Keras 3)를 받아들이는 범위여야 한다."""
    import tomllib
    from packaging.requirements import Requirement

    deps = {Requirement(d).name: Requirement(d) for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    for version in ("2.16.1", "2.19.0", "2.21.0"):
        assert deps["tensorflow"].specifier.contains(version)
    assert not deps["tensorflow"].specifier.contains("2.15.0")
    assert deps["keras"].specifier.contains("3.8.0")

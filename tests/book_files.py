"""테스트들이 함께 쓰는 책 구조 정보: _config.yml, _toc.yml, 장 목록."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"


def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def toc_files() -> list[str]:
    """_toc.yml에 적힌 문서들(확장자 없는 경로), 순서대로."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for entry in toc.get("chapters", []):
        files.append(entry["file"])
    return files


def toc_notebooks() -> list[Path]:
    """_toc.yml에 있는 노트북 파일들."""
    return [ROOT / f"{name}.ipynb" for name in toc_files() if (ROOT / f"{name}.ipynb").exists()]


def colab_link(notebook: Path) -> str:
    """_config.yml에서 유도한 노트북의 Colab 주소."""
    cfg = config()
    repo = cfg["repository"]["url"].removeprefix("https://github.com/").strip("/")
    colab = cfg["launch_buttons"]["colab_url"].rstrip("/")
    return f"{colab}/github/{repo}/blob/{cfg['repository']['branch']}/{notebook.relative_to(ROOT).as_posix()}"


def skip_or_fail(message: str) -> NoReturn:
    """필요한 것(사이트, 브라우저, 데이터)이 없을 때: 로컬에서는 건너뛰고, CI(CI=true)에서는 실패한다."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)

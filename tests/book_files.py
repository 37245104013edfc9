"""테스트들이 함께 쓰는 책 구조 정보: _config.yml, _toc.yml(벤치마크와 같은 읽기 함수), 장·미션 목록, 한글 패턴, 셀 출력 글."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NoReturn

import pytest
import yaml

from tools.bench import toc_notebooks as bench_toc_notebooks

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
HANGUL = re.compile(r"[가-힣]")
MISSION_PREFIXES = ("05", "06", "07", "08")  # 미션 장: 직접 해 보기 + 접힌 풀이 + 원래 강의와 비교


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
    """_toc.yml에 있는 노트북 파일들(벤치마크가 실행하는 목록과 같은 함수)."""
    return bench_toc_notebooks(ROOT)


def mission_notebooks() -> list[Path]:
    return [nb for nb in toc_notebooks() if nb.stem.startswith(MISSION_PREFIXES)]


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


def output_text(cell: dict) -> str:
    """코드 셀의 커밋된 출력 가운데 글(stream과 text/plain)만 이어 붙인 것."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append("".join(out.get("text", "")))
        parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "".join(parts)


# 책을 만든 과정(시드 스윕, 범위 규칙, 도구, 날짜 붙은 측정, 이전 판)을 말하는 문장: 장 본문에는 하나까지(첫머리의 실행 시간 문장).
MAKING_OF = re.compile(
    r"시드 1\\?~\d+|\d+번 실행:|책 전체의 규칙|표준편차|sweep\.jsonl|ranges\.csv|tools/|이전 판|확인 셀"
    r"|이 책을 고치는|벤치마크|20\d\d-\d\d-\d\d"
)
DETAILS = re.compile(r"<details>.*?</details>", re.S)


def sentences(text: str) -> list[str]:
    """한국어 글을 문장으로 대충 나눈다(마침표·물음표 뒤의 공백이나 줄바꿈)."""
    return [s for s in re.split(r"(?<=[.?!])\s+|\n(?=[-|#>])", text) if s.strip()]


def visible_markdown(cells: list) -> str:
    """학습자가 누르지 않고 보는 마크다운 글: 접힌 정답(<details>) 밖."""
    return "\n".join(DETAILS.sub("", c.source) for c in cells if c.cell_type == "markdown")

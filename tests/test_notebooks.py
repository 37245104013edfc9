"""실행하지 않고 커밋된 노트북 자체를 본다: 목차, 깨끗한 출력, 그림 대체 텍스트, 실행 시간 문장, 미션의 모양, 9장 비교표."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tests.book_files import HANGUL, ROOT, mission_notebooks, output_text, toc_files, toc_notebooks
from tools.bench import RUNTIME_SENTENCE

NOTEBOOKS = toc_notebooks()
MISSIONS = mission_notebooks()


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_every_chapter_file_is_in_the_toc() -> None:
    chapters = sorted(p.relative_to(ROOT).with_suffix("").as_posix() for p in (ROOT / "book").glob("[0-9][0-9]_*.ipynb"))
    assert chapters, "book/에 장 노트북(NN_이름.ipynb)이 없습니다"
    files = toc_files()[1:]
    assert files[: len(chapters)] == chapters, "_toc.yml의 장 목록이 book/의 노트북과 다르거나 순서가 다릅니다"
    assert files[len(chapters) :] == ["book/appendix", "book/glossary"], "_toc.yml에서 장 노트북 뒤에는 부록과 용어집만 옵니다"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_executed_with_clean_output(path: Path) -> None:
    for i, cell in enumerate(read(path).cells):
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"셀 {i}이 실행되지 않았습니다"
        for out in cell.outputs:
            assert out.output_type != "error", f"셀 {i}: 오류 출력"
            assert not (out.output_type == "stream" and out.name == "stderr"), f"셀 {i}: stderr 출력 {out.text[:200]!r}"
        text = output_text(cell)
        assert not re.search(r"/work/|/root/|/home/|/tmp/|site-packages", text), f"셀 {i}: 절대 경로가 출력에 있습니다"
        assert not re.search(r"Warning|WARNING|oneDNN|cuda", text), f"셀 {i}: 경고나 TensorFlow 로그가 출력에 있습니다"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_has_korean_alt_text(path: Path) -> None:
    for i, cell in enumerate(read(path).cells):
        has_image = any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
        if has_image:
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            assert HANGUL.search(alt), f"셀 {i}: 그림에 한국어 대체 텍스트(metadata mystnb.image.alt)가 없습니다"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_states_its_runtime_near_the_top(path: Path) -> None:
    first = next(c for c in read(path).cells if c.cell_type == "markdown")
    assert first.source.startswith("# ")
    assert RUNTIME_SENTENCE.search(first.source), "첫 마크다운 셀에 '**실행 시간**: 2코어 CPU에서 ...' 문장이 없습니다"


@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.stem)
def test_mission_has_try_cell_collapsed_solution_and_comparison(path: Path) -> None:
    cells = read(path).cells
    sources = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "직접 해 보기" in sources
    assert re.search("원래 (강의|과제)", sources) and "기대 범위" in sources
    solutions = [c for c in cells if c.cell_type == "code" and "hide-input" in c.metadata.get("tags", [])]
    assert solutions, "풀이 셀에 hide-input 태그가 없습니다"
    checks = [c for c in cells if c.cell_type == "code" and "check_range(" in c.source]
    assert checks and all("nbval-ignore-output" not in c.metadata.get("tags", []) for c in checks)


def measured_cells(table: str) -> list[str]:
    """표에서 '이 책의 측정값' 열(또는 그 이름의 행)의 칸들."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in table.splitlines() if line.startswith("|")]
    for row in rows:
        if row[0].startswith("이 책의 측정값"):  # 측정값이 한 행으로 적힌 표
            return row[1:]
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("이 책의 측정값"))
    return [row[col] for row in rows[2:]]


def printed(value: str, outputs: str) -> bool:
    """출력에 그대로 찍혔거나, 한 줄에 찍힌 두 값의 차(예: 훈련-검증 간격)인가."""
    if value in outputs:
        return True
    for line in outputs.splitlines():
        numbers = [float(n) for n in re.findall(r"\d+\.\d{4}", line)]
        if any(abs(a - b - float(value)) < 5e-5 for a in numbers for b in numbers):
            return True
    return False


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem[:2] in {"04", "05", "06", "07", "08"}], ids=lambda p: p.stem)
def test_measured_values_in_comparison_tables_come_from_the_outputs(path: Path) -> None:
    """원래 강의와 비교하는 표의 '이 책의 측정값'은 커밋된 실행 결과에 실제로 찍힌 값이어야 한다."""
    cells = read(path).cells
    tables = [c.source for c in cells if c.cell_type == "markdown" and re.search(r"\|\s*이 책의 측정값", c.source)]
    assert tables, "'이 책의 측정값' 열이 있는 비교표가 없습니다"
    outputs = "".join(output_text(c) for c in cells if c.cell_type == "code")
    for table in tables:
        for value in (v for cell in measured_cells(table) for v in re.findall(r"\d+\.\d{3,4}", cell)):
            assert printed(value, outputs), f"비교표의 측정값 {value}이 노트북 출력에 없습니다"


def chapter_outputs(stem: str) -> str:
    return "".join(output_text(c) for c in read(ROOT / "book" / f"{stem}.ipynb").cells if c.cell_type == "code")


def test_cnn_comparison_table_matches_the_other_chapters() -> None:
    """9장 비교표의 정확도는 그 장의 커밋된 실행 결과에 실제로 찍힌 값이어야 한다."""
    cnn = read(ROOT / "book" / "09_cnn_mnist.ipynb")
    table = next(c.source for c in cnn.cells if c.cell_type == "markdown" and "| 장 | 모델 |" in c.source)
    stems = {p.stem[:2]: p.stem for p in NOTEBOOKS}
    rows = [line for line in table.splitlines() if re.match(r"\| \d장 \|", line)]
    assert [r[2] for r in rows] == ["4", "5", "6", "7", "8"]
    for row in rows:
        chapter = stems[f"0{row[2]}"]
        accuracy = re.findall(r"0\.\d{4}", row)
        assert len(accuracy) == 1, row
        assert accuracy[0] in chapter_outputs(chapter), f"{row}: {accuracy[0]}이 {chapter}의 출력에 없습니다"

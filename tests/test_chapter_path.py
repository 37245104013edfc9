"""장 본문은 학습자의 길: 책을 만든 과정은 부록으로, 범위 확인은 장 끝의 접힌 셀 하나로, 분량은 예산 안으로."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tests.book_files import HANGUL, MAKING_OF, sentences, toc_notebooks, visible_markdown
from tests.test_colab import fold_problems

NOTEBOOKS = toc_notebooks()
BUDGET = 6000  # 장마다 보이는 한글 음절(접힌 정답 밖의 마크다운)
# 아직 예산을 넘는 장과 지금의 분량: 늘어나면 실패하고, 예산 안으로 들어오면 이 줄을 지우라고 실패한다.
OVER_BUDGET: dict[str, int] = {}
CHECK_TITLE = "#@title 이 장의 숫자 확인"


def cells(path: Path) -> list:
    return nbformat.read(path, as_version=4).cells


def making_of(path: Path) -> list[str]:
    return [s for s in sentences(visible_markdown(cells(path))) if MAKING_OF.search(s)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_at_most_one_making_of_sentence(path: Path) -> None:
    found = making_of(path)
    assert len(found) <= 1, "책을 만든 과정은 부록(book/appendix.md)으로 옮기세요:\n" + "\n".join(s[:160] for s in found)


def test_making_of_detector_finds_a_sweep_sentence() -> None:
    text = ("정확도는 0.97입니다.\n여러 시드로 실행하면 (시드 1\\~10, 10번 실행: 최솟값 0.96, 평균 0.97)입니다. "
            "기록은 `book/sweep.jsonl`에 있습니다.")
    assert [bool(MAKING_OF.search(s)) for s in sentences(text)] == [False, True, True]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_visible_text_within_budget(path: Path) -> None:
    syllables = len(HANGUL.findall(visible_markdown(cells(path))))
    cap = OVER_BUDGET.get(path.stem[:2])
    if cap is None:
        assert syllables <= BUDGET, f"보이는 한글 {syllables}음절: 예산 {BUDGET}을 넘습니다"
    else:
        assert syllables <= cap, f"보이는 한글 {syllables}음절: 지금까지의 {cap}보다 늘었습니다(예산 {BUDGET})"
        assert syllables > BUDGET, f"{syllables}음절로 예산 안에 들어왔습니다. OVER_BUDGET에서 이 장을 지우세요"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_range_checks_are_gathered_in_one_folded_cell_at_the_end(path: Path) -> None:
    nb_cells = cells(path)
    checks = [i for i, c in enumerate(nb_cells) if c.cell_type == "code" and "check_range(" in c.source]
    assert 1 <= len(checks) <= 2, f"check_range가 셀 {checks}에 흩어져 있습니다(두 셀까지)"
    last = nb_cells[checks[-1]]
    assert last.source.startswith(CHECK_TITLE), f"마지막 확인 셀의 첫 줄은 {CHECK_TITLE!r}입니다"
    assert fold_problems(last) == [] and last.metadata.get("cellView") == "form"
    later = [c for c in nb_cells[checks[-1] + 1 :] if c.cell_type == "code"]
    assert not later, "범위 확인 셀 뒤에 코드 셀이 있습니다: 확인은 장의 맨 끝에서 합니다"
    intro = nb_cells[checks[-1] - 1]
    assert intro.cell_type == "markdown" and "appendix.md" in intro.source, "확인 셀 앞의 한 문단이 부록으로 이어져야 합니다"

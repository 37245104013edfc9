"""5~9장의 미션이 진짜 미션인지 커밋된 노트북에서 본다.

- '직접 해 보기' 셀은 학습자의 변수(처음에는 None)로 check("과제", ...)를 부르며 끝난다.
- 각 과제는 책의 풀이로도 채점되고, 그 셀의 커밋된 출력은 '통과 [과제]'다(nbval이 다시 실행해 비교한다).
- 풀이의 핵심 코드는 그 과제의 '직접 해 보기' 셀보다 앞(사이트와 Colab에서 보이는 곳)에 나오지 않는다.
"""

from __future__ import annotations

import re
from functools import cache

import nbformat
import pytest

from mnist_course.missions import TASKS
from tests.book_files import ROOT, output_text

CHAPTER_TASKS = {
    "05_mission1_base_model": ["M1-1", "M1-2"],
    "06_mission2_early_stopping": ["M2"],
    "07_mission3_capacity_dropout": ["M3-1", "M3-2"],
    "08_tdc_exercise": ["TDC"],
    "09_cnn_mnist": ["CNN"],
}
# 과제의 답이 되는 코드 조각: '직접 해 보기' 셀보다 앞에 있으면 답을 먼저 보여 주는 셈이다.
ANSWERS = {
    "M1-1": ['activation="relu"', '"categorical_crossentropy"', 'optimizer="adam"', "Dense(50, relu)", "옵티마이저 Adam"],
    "M1-2": ["keras.optimizers.SGD(", "SGD(learning_rate=0.01, momentum=0.9)", "SGD(learning_rate=0.1)"],
    "M2": ['monitor="val_accuracy"', "monitor='val_accuracy'", "patience=3)"],
    "M3-2": ["Dense(50, relu) → Dropout", 'Dense(50, activation="relu"),\n        keras.layers.Dropout(', "특징을 만드는 자리"],
    "TDC": ['logs["acc"] >= 0.99', "logs[self.key] >= self.target"],
    "CNN": ["Flatten(),\n        keras.layers.Dropout(0.5),\n        keras.layers.Dense(10", "36,330"],
}
CHECK_CALL = re.compile(r'^check\("([A-Z0-9-]+)", (\w+)')


@cache
def cells(stem: str) -> list[nbformat.NotebookNode]:
    return nbformat.read(ROOT / "book" / f"{stem}.ipynb", as_version=4).cells


def try_cells(stem: str) -> list[tuple[int, nbformat.NotebookNode]]:
    """'직접 해 보기' 제목 바로 뒤의 코드 셀들(번호, 셀)."""
    found, all_cells = [], cells(stem)
    for i, cell in enumerate(all_cells):
        if cell.cell_type == "markdown" and re.search(r"^### 직접 해 보기", cell.source, re.M):
            found.append(next((j, c) for j, c in enumerate(all_cells) if j > i and c.cell_type == "code"))
    return found


@pytest.mark.parametrize("stem", CHAPTER_TASKS)
def test_try_cells_end_by_checking_the_learners_own_objects(stem: str) -> None:
    seen = []
    for _, cell in try_cells(stem):
        code = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        checks = [CHECK_CALL.match(line) for line in code]
        tail = [m for m in checks[-2:] if m]
        assert checks[-1], f"직접 해 보기 셀이 check(...)로 끝나지 않습니다:\n{cell.source}"
        for match in tail:
            task, variable = match.groups()
            assert f"{variable} = None" in cell.source, f"{task}: 학습자의 변수 {variable}가 None으로 시작하지 않습니다"
            seen.append(task)
        assert output_text(cell).startswith("아직 답이 없습니다"), "채우지 않은 셀의 출력은 '아직 답이 없습니다'여야 합니다"
        assert "hide-input" not in cell.metadata.get("tags", []), "직접 해 보기 셀은 접지 않습니다"
    assert sorted(seen) == sorted(CHAPTER_TASKS[stem])


@pytest.mark.parametrize("stem", CHAPTER_TASKS)
def test_the_books_own_solution_passes_every_check(stem: str) -> None:
    try_indices = {index for index, _ in try_cells(stem)}
    passed = []
    for index, cell in enumerate(cells(stem)):
        if cell.cell_type != "code" or index in try_indices:
            continue
        for line in cell.source.splitlines():
            match = CHECK_CALL.match(line)
            if match and "try:" not in cell.source:
                task = match.group(1)
                assert "nbval-ignore-output" not in cell.metadata.get("tags", []), f"{task}: 채점 셀의 출력을 nbval이 비교해야 합니다"
                assert f"통과 [{task}]" in output_text(cell), f"{task}: 책의 풀이가 채점을 통과한 출력이 없습니다"
                passed.append(task)
    assert sorted(passed) == sorted(CHAPTER_TASKS[stem])


def answers_shown_above(all_cells: list[nbformat.NotebookNode], index: int, task: str) -> list[str]:
    """index번 셀(직접 해 보기)보다 앞의 글, 코드, 출력(확인 메시지, 표)에 보이는 task의 답 조각들."""
    shown = "\n".join(c.source + "\n" + output_text(c) for c in all_cells[:index])
    return [answer for answer in ANSWERS.get(task, []) if answer in shown]


@pytest.mark.parametrize("stem", CHAPTER_TASKS)
def test_no_mission_shows_its_answer_above_its_blank(stem: str) -> None:
    for index, cell in try_cells(stem):
        for task in [m.group(1) for m in map(CHECK_CALL.match, cell.source.splitlines()) if m]:
            assert not answers_shown_above(cells(stem), index, task), f"{task}의 답이 직접 해 보기 셀보다 앞에 보입니다"


@pytest.mark.parametrize("stem", CHAPTER_TASKS)
def test_the_books_pass_messages_do_not_restate_the_answer(stem: str) -> None:
    # 책의 풀이를 채점한 '통과' 줄은 접히지 않고 사이트·Colab에 보이므로, 답 조각을 되풀이하면 안 된다
    for cell in cells(stem):
        for line in output_text(cell).splitlines():
            if line.startswith("통과 ["):
                task = line[len("통과 [") : line.index("]")]
                leaked = [answer for answer in ANSWERS.get(task, []) if answer in line]
                assert not leaked, f"{task}의 통과 메시지가 답 {leaked}을 보여 줍니다: {line}"


def test_every_task_is_wired_into_a_chapter() -> None:
    assert sorted(t for tasks in CHAPTER_TASKS.values() for t in tasks) == sorted(TASKS)


def test_answer_check_catches_an_answer_shown_early() -> None:
    # 검사 자체가 실패할 수 있는지: 6장의 직접 해 보기 셀 앞에 답 한 줄을 끼워 넣은 셀 목록으로 같은 검사 함수를 부른다
    stem = "06_mission2_early_stopping"
    index = try_cells(stem)[0][0]
    leaked = [*cells(stem)[:index], nbformat.v4.new_markdown_cell('예: EarlyStopping(monitor="val_accuracy", patience=3)')]
    assert answers_shown_above(leaked, len(leaked), "M2") == ['monitor="val_accuracy"', "patience=3)"]
    assert answers_shown_above(cells(stem), index, "M2") == []

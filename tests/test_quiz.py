"""mnist_course.quiz: 확인 문제 채점기가 맞는 답은 통과시키고, 흔한 실수에는 그 실수를, 그 밖의 오답에는 정답을
드러내지 않는 방향을 알려 주는지 본다. 등록된 기댓값이 노트북의 "정답 보기"와 어긋나지 않는지도 본다.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mnist_course.quiz import QUESTIONS, Part, answer, questions
from tests.book_files import output_text

ROOT = Path(__file__).resolve().parent.parent
IDS = list(QUESTIONS)


# ---------------------------------------------------------------- 노트북의 확인 문제 읽기


@cache
def quiz_items(chapter: int) -> dict[int, tuple[str, str]]:
    """그 장의 "## 확인 문제" 셀: 문제 번호 → (문제 글, 접힌 정답 글)."""
    (notebook,) = sorted((ROOT / "book").glob(f"0{chapter}_*.ipynb"))
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    (cell,) = [source for source in sources if source.startswith("## 확인 문제")]
    body = cell.split("\n## ", 1)[0]  # 다음 절(더 읽을거리) 앞까지
    pieces = re.split(r"^(\d+)\. ", body, flags=re.MULTILINE)
    items = {}
    for number, text in zip(pieces[1::2], pieces[2::2], strict=True):
        question, _, rest = text.partition("<details>")
        hidden = re.search(r"<summary>정답 보기</summary>(.*?)</details>", rest, re.DOTALL)
        items[int(number)] = (question.strip(), hidden.group(1).strip() if hidden else "")
    return items


def quiz_item(question_id: str) -> tuple[str, str]:
    chapter, number = map(int, question_id.split("-"))
    return quiz_items(chapter)[number]


def number_pattern(value: float) -> str:
    """책 글에서 숫자 하나를 찾는 정규식: 천 단위 쉼표(4,640)가 있든 없든, 소수 끝의 0(0.50)이 있든 없든."""
    sign = "[-−]" if value < 0 else ""
    value = abs(value)
    if float(value).is_integer():
        forms = sorted({str(int(value)), f"{int(value):,}"}, key=len, reverse=True)
        body = "(?:" + "|".join(map(re.escape, forms)) + ")"
    else:
        body = re.escape(repr(float(value))) + "0*"
    return rf"(?<![\d.,]){sign}{body}(?![\d]|[.,]\d)"


def literal(value: Any) -> str:
    """목록·행렬을 책에 적힌 모양 그대로: [[3, 5], [7, 6]]."""
    if isinstance(value, tuple):
        return "[" + ", ".join(map(literal, value)) + "]"
    return str(value)


def numbers_in(text: str) -> set[float]:
    return {float(found.replace(",", "")) for found in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)}


def assert_no_leak(question_id: str, shown: str) -> None:
    """채점기가 쓴 글에 정답 값이 없는지. 학습자가 넣은 값을 되풀이한 부분("= 값: ")과
    문제 글에 이미 나오는 숫자(예: 1-1의 28)는 따지지 않는다."""
    lines = [line.split(": ", 1)[-1] if line.startswith("오답 ") else line for line in shown.splitlines()]
    text = "\n".join(lines).replace(f"[{question_id}]", "").replace(f'"{question_id}"', "")
    in_question = numbers_in(quiz_item(question_id)[0])
    for part in QUESTIONS[question_id].parts:
        if isinstance(part.expected, tuple):
            assert literal(part.expected) not in text, shown
        elif float(part.expected) not in in_question:
            assert not re.search(number_pattern(part.expected), text), f"정답 {part.expected}이 보입니다:\n{shown}"


# ---------------------------------------------------------------- 학습자가 넣을 값 만들기


def as_input(value: Any) -> Any:
    """등록된 튜플을 학습자가 쓰는 목록(list)으로."""
    return [as_input(item) for item in value] if isinstance(value, tuple) else value


def above(value: Any) -> Any:
    """정답보다 크고 흔한 실수와도 먼 값."""
    return tuple(above(item) for item in value) if isinstance(value, tuple) else value + 2 * abs(value) + 7  # 음수 답에도 위쪽


def below(value: Any) -> Any:
    return tuple(below(item) for item in value) if isinstance(value, tuple) else value - abs(value) - 5


def run(capsys: pytest.CaptureFixture[str], question_id: str, *values: Any) -> tuple[bool, list[str]]:
    """채점 결과(요약 줄이 "모두 정답"인지)와 출력 줄들. answer()는 아무것도 돌려주지 않는다."""
    assert answer(question_id, *values) is None
    lines = capsys.readouterr().out.splitlines()
    return lines[-1] == f"→ [{question_id}] 모두 정답입니다.", lines


MISTAKES = [
    pytest.param(qid, index, wrong, hint, id=f"{qid}-part{index + 1}-{literal(wrong)}")
    for qid, question in QUESTIONS.items()
    for index, part in enumerate(question.parts)
    for wrong, hint in part.mistakes.items()
]


# ---------------------------------------------------------------- 채점


@pytest.mark.parametrize("question_id", IDS)
def test_right_answers_pass(capsys: pytest.CaptureFixture[str], question_id: str) -> None:
    parts = QUESTIONS[question_id].parts
    ok, lines = run(capsys, question_id, *(as_input(part.expected) for part in parts))
    assert ok is True
    assert len(lines) == len(parts) + 1
    for line, part in zip(lines, parts, strict=False):
        assert line.startswith(f"정답 [{question_id}] {part.label} = "), line
    assert lines[-1] == f"→ [{question_id}] 모두 정답입니다."


@pytest.mark.parametrize(
    ("question_id", "values"),
    [
        ("4-5", (128 / 255,)),
        ("5-1", (-math.log(0.5),)),
        ("5-1", (0.7,)),
        ("5-3", (0.25**3, 1.0)),
        ("5-3", (1 / 64, 1)),
        ("5-4", (1 / (1 - 0.5),)),
        ("7-4", (1 / (1 - 0.2),)),
        ("7-5", ((0.95 + 0.1) / 2,)),
        ("7-5", (0.5,)),
        ("9-3", (28 * 0.08,)),
        ("9-3", (2,)),
        ("9-4", (math.ceil(60_000 / 128) * 10, 0.003 * 0.5 * (1 + math.cos(math.pi * 0.5)))),
        ("9-6", ((1 - 0.995) * 10_000, (1 - 0.97) * 10_000)),
        ("3-1", (math.ceil(50_000 / 256), 50_000 % 256)),
        ("3-1", (196.0, 80.0)),
        # numpy로 계산한 값(배열, numpy 스칼라)도 받는다
        ("1-5", (np.array([[2, 0, 1, 5], [3, 1, 0, 2], [4, 4, 6, 1], [0, 7, 2, 3]]).reshape(2, 2, 2, 2).max(axis=(1, 3)), np.int64(0))),
        ("4-3", (np.eye(10, dtype="float32")[3],)),
        ("8-4", (np.arange(4), np.float32(4))),
        ("9-2", (np.int64(784 * 24 * 24 * 16 + 24 * 24 * 16),)),
    ],
)
def test_computed_values_pass(capsys: pytest.CaptureFixture[str], question_id: str, values: tuple[Any, ...]) -> None:
    # 책에 적힌 반올림 값뿐 아니라 계산 그대로의 값도 허용 오차 안에 든다
    ok, lines = run(capsys, question_id, *values)
    assert ok is True, lines


@pytest.mark.parametrize(("question_id", "index", "wrong", "hint"), MISTAKES)
def test_known_mistake_gets_its_hint(capsys: pytest.CaptureFixture[str], question_id: str, index: int, wrong: Any, hint: str) -> None:
    parts = QUESTIONS[question_id].parts
    values = [above(part.expected) for part in parts]
    values[index] = wrong
    ok, lines = run(capsys, question_id, *map(as_input, values))
    assert ok is False
    assert lines[index].startswith(f"오답 [{question_id}] {parts[index].label} = ") and lines[index].endswith(f": {hint}"), lines
    assert "틀린 답이 있습니다" in lines[-1]
    assert_no_leak(question_id, "\n".join(lines))


@pytest.mark.parametrize("question_id", IDS)
@pytest.mark.parametrize(("move", "direction"), [(above, "작습니다"), (below, "큽니다")])
def test_other_wrong_values_get_a_direction_without_the_answer(
    capsys: pytest.CaptureFixture[str], question_id: str, move: Any, direction: str
) -> None:
    parts = QUESTIONS[question_id].parts
    ok, lines = run(capsys, question_id, *(as_input(move(part.expected)) for part in parts))
    assert ok is False
    for line, part in zip(lines, parts, strict=False):
        assert line.startswith(f"오답 [{question_id}] {part.label} = ")
        if isinstance(part.expected, tuple):
            assert "다릅니다" in line and line.endswith(part.how)
        else:
            assert line.endswith(f"정답은 이보다 {direction}. {part.how}")
    assert_no_leak(question_id, "\n".join(lines))


def test_wrong_matrix_cells_are_named(capsys: pytest.CaptureFixture[str]) -> None:
    ok, lines = run(capsys, "1-5", [[3, 5], [7, 7]], 0)
    assert ok is False
    assert "2행 2열이 다릅니다" in lines[0] and "1행" not in lines[0]
    assert lines[1].startswith("정답 [1-5] ")


def test_history_list_of_other_length_is_a_wrong_answer_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    ok, lines = run(capsys, "8-4", [0, 1, 2, 3, 4, 5], 4)
    assert ok is False
    assert "값의 개수가 다릅니다" in lines[0]


def test_hints_do_not_show_the_answer() -> None:
    # 흔한 실수가 정답으로 채점되지 않는지는 test_known_mistake_gets_its_hint가 본다
    for question_id, question in QUESTIONS.items():
        for part in question.parts:
            for hint in part.mistakes.values():
                assert_no_leak(question_id, hint)
            assert_no_leak(question_id, part.how + part.label)


# ---------------------------------------------------------------- 아직 풀지 않은 셀, 잘못 넣은 값


@pytest.mark.parametrize("question_id", IDS)
def test_unanswered_cell_gets_a_pointer_not_a_verdict(capsys: pytest.CaptureFixture[str], question_id: str) -> None:
    # 책에 실리는 셀은 answer("3-1", None, None)처럼 None으로 채워져 있다
    question = QUESTIONS[question_id]
    ok, lines = run(capsys, question_id, *([None] * len(question.parts)))
    assert ok is False
    assert lines == [f"아직 답이 없습니다 [{question_id}]: None 자리에 계산한 답을 넣고 다시 실행하세요. 넣을 것: {question.prompt}"]


def test_partly_filled_cell_grades_what_is_there(capsys: pytest.CaptureFixture[str]) -> None:
    ok, lines = run(capsys, "3-1", 196, None)
    assert ok is False
    assert lines[0].startswith("정답 [3-1] ")
    assert lines[1].startswith("빈칸 [3-1] 마지막 묶음의 데이터 수: None 자리에")
    assert lines[2] == "→ [3-1] 빈칸을 채우고 다시 실행하세요."


def test_unknown_id_lists_the_valid_ids() -> None:
    with pytest.raises(ValueError, match="question id") as info:
        answer("9-5", 1)
    assert all(qid in str(info.value) for qid in IDS)
    with pytest.raises(ValueError, match="question id"):
        answer("3-4", 25)  # 답이 숫자가 아닌(말로 하는) 문제는 채점하지 않는다


@pytest.mark.parametrize("values", [(196,), (196, 80, 0), ([196, 80],), ()])
def test_wrong_number_of_values(values: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError, match=r"\[3-1\] 답\(value\)을 2개") as info:
        answer("3-1", *values)
    assert QUESTIONS["3-1"].prompt in str(info.value)


def test_quoted_number_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"따옴표 없이 숫자\(number\)로 넣으세요\(예: 196\)"):
        answer("3-1", "196", 80)
    with pytest.raises(TypeError, match="따옴표 없이"):
        answer("1-5", [[3, 5], [7, "6"]], 0)


@pytest.mark.parametrize("value", [True, {"a": 1}, object()])
def test_other_non_numbers_are_type_errors(value: Any) -> None:
    with pytest.raises(TypeError, match=r"숫자\(number\)"):
        answer("4-1", value)


def test_list_for_a_single_number_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="숫자 하나"):
        answer("4-1", [25450])


@pytest.mark.parametrize("matrix", [[3, 5, 7, 6], [[3, 5, 7]], [[3, 5], [7, 6], [1, 1]], 3])
def test_matrix_of_wrong_shape_is_a_value_error(matrix: Any) -> None:
    with pytest.raises(ValueError, match=r"\[1-5\] .*모양\(shape\).*2×2 행렬"):
        answer("1-5", matrix, 0)


def test_ragged_matrix_and_nan_are_value_errors() -> None:
    with pytest.raises(ValueError, match="행\\(row\\)마다"):
        answer("1-5", [[3, 5], [7]], 0)
    with pytest.raises(ValueError, match="nan"):
        answer("4-1", float("nan"))


# ---------------------------------------------------------------- 문제 목록과 책


def test_questions_lists_ids_by_chapter() -> None:
    assert [qid for chapter in range(1, 10) for qid in questions(chapter)] == IDS
    assert all(questions(chapter) for chapter in range(1, 10))
    assert questions(10) == []


@pytest.mark.parametrize("question_id", IDS)
def test_registered_question_exists_in_the_chapter(question_id: str) -> None:
    assert re.fullmatch(r"[1-9]-\d", question_id) and QUESTIONS[question_id].question_id == question_id
    chapter, number = map(int, question_id.split("-"))
    assert number in quiz_items(chapter), f"{chapter}장 확인 문제에 {number}번이 없습니다"
    question, hidden = quiz_item(question_id)
    assert "?" in question
    assert hidden, f"{question_id}의 '정답 보기'가 비어 있습니다"


@pytest.mark.parametrize("question_id", IDS)
def test_expected_values_match_the_hidden_answer(question_id: str) -> None:
    # 등록한 기댓값이 책의 "정답 보기"와 어긋나지 않도록: 값마다 정답 글에 그대로 나와야 한다
    _, hidden = quiz_item(question_id)
    for part in QUESTIONS[question_id].parts:
        if isinstance(part.expected, tuple):
            assert literal(part.expected) in hidden, (part.label, literal(part.expected), hidden)
        else:
            assert re.search(number_pattern(part.expected), hidden), (part.label, part.expected, hidden)


def test_number_pattern_reads_book_style_numbers() -> None:
    assert re.search(number_pattern(4640), "(144 + 1) × 32 = 4,640개입니다")
    assert re.search(number_pattern(0.5), "128 ÷ 255 ≈ 0.50입니다")
    assert re.search(number_pattern(-3), "합은 −3입니다")
    assert not re.search(number_pattern(50), "10,000장 가운데 500장")
    assert not re.search(number_pattern(0.69), "0.693")


def test_part_is_frozen() -> None:
    part = QUESTIONS["3-1"].parts[0]
    assert isinstance(part, Part)
    with pytest.raises(AttributeError):
        part.expected = 0  # type: ignore[misc]


def test_import_and_answer_do_not_load_tensorflow() -> None:
    code = (
        "import sys, mnist_course.quiz as q; q.answer('3-1', 196, 80); q.answer('1-5', None, None); "
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("chapter", range(1, 10))
def test_every_chapter_offers_grading_for_its_numeric_questions(chapter: int) -> None:
    """확인 문제 바로 뒤의 코드 셀이 그 장의 숫자 문제를 모두 None 자리표시로 부르고, 커밋된 출력은 '아직 답이 없습니다'다."""
    (notebook,) = sorted((ROOT / "book").glob(f"0{chapter}_*.ipynb"))
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    index = next(i for i, cell in enumerate(cells) if "".join(cell["source"]).startswith("## 확인 문제"))
    cell = cells[index + 1]
    source = "".join(cell["source"])
    assert cell["cell_type"] == "code" and source.startswith("from mnist_course.quiz import answer")
    called = re.findall(r'^answer\("(\d-\d)", (.*?)\)', source, flags=re.MULTILINE)
    assert [qid for qid, _ in called] == questions(chapter)
    for qid, args in called:
        assert args == ", ".join(["None"] * len(QUESTIONS[qid].parts))
    outputs = cell.get("outputs", [])
    # 채점 메시지(stdout)만: 마지막 줄의 돌려준 값(True/False 같은 execute_result)이 셀 아래에 찍히면 안 된다
    assert [out["output_type"] for out in outputs] == ["stream"] * len(outputs), outputs
    printed = "".join("".join(out.get("text", "")) for out in outputs)
    assert printed.count("아직 답이 없습니다") == len(called)


# ---------------------------------------------------------------- 답을 미리 보여 주지 않기


def lines_above_the_quiz(chapter: int) -> list[str]:
    """그 장에서 확인 문제 채점 셀(answer(...)) 위에 있는 모든 출력의 줄."""
    (notebook,) = sorted((ROOT / "book").glob(f"0{chapter}_*.ipynb"))
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] == "code" and re.search(r'^answer\("', "".join(cell["source"]), re.M):
            break
        lines += output_text(cell).splitlines()
    return lines


def distinctive(question) -> bool:
    """답이 숫자 여러 개이고, 서로 다르며, 어느 줄에나 나올 만한 작은 정수(10 미만)가 아닌 문제."""
    values = [p.expected for p in question.parts]
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    return numbers and len(set(values)) == len(values) > 1 and all(abs(v) >= 10 or not float(v).is_integer() for v in values)


MULTI_NUMBER = [qid for qid, q in QUESTIONS.items() if distinctive(q)]


@pytest.mark.parametrize("question_id", MULTI_NUMBER)
def test_no_output_above_the_quiz_prints_its_answers_together(question_id: str) -> None:
    """답이 숫자 여러 개인 문제: 그 답들이 한 줄에 함께 찍힌 출력이 채점 셀 위에 있으면 답을 미리 보여 준 셈이다."""
    patterns = [re.compile(number_pattern(part.expected)) for part in QUESTIONS[question_id].parts]
    chapter = int(question_id.split("-")[0])
    leaks = [line for line in lines_above_the_quiz(chapter) if all(p.search(line) for p in patterns)]
    assert leaks == [], f"{question_id}의 답이 위쪽 출력에 함께 찍혀 있습니다: {leaks[:3]}"


def test_answer_docstrings_do_not_show_an_answer() -> None:
    """Colab은 입력하는 동안 docstring을 보여 준다: 예시에 실제 문제의 답을 쓰지 않는다."""
    import mnist_course.quiz as quiz

    for text in (quiz.__doc__ or "", answer.__doc__ or ""):
        for qid, question in QUESTIONS.items():
            values = ", ".join(str(part.expected) for part in question.parts)
            assert f'answer("{qid}", {values})' not in text, f"docstring의 예시가 {qid}의 답입니다"

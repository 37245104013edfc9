"""미션 채점기 전체의 약속: 번호, 힌트와 풀이, 아직 답이 없을 때, 엉뚱한 값이 들어왔을 때."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mnist_course import missions
from mnist_course.missions import TASKS, MissionCheckError, check, hint, solution
from tests.mission_kit import keras

ROOT = Path(__file__).resolve().parent.parent


def test_mission_ids_follow_the_mission_names_and_differ_from_quiz_ids() -> None:
    from mnist_course.quiz import QUESTIONS

    assert list(TASKS) == ["M1-1", "M1-2", "M2", "M3-1", "M3-2", "TDC", "CNN"]
    assert not set(TASKS) & set(QUESTIONS)
    assert issubclass(MissionCheckError, AssertionError)


@pytest.mark.parametrize("task_id", list(TASKS))
def test_hint_and_solution_are_shown_only_on_request(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, task_id: str
) -> None:
    monkeypatch.setattr(missions, "_hints_shown", {})
    first, second = TASKS[task_id].hints
    hint(task_id)
    shown = capsys.readouterr().out
    assert shown.startswith(f"힌트 1/2 [{task_id}] ") and first in shown and second not in shown
    assert f'hint("{task_id}") 한 번 더' in shown
    hint(task_id)  # 같은 미션으로 다시 부르면 2단계
    shown = capsys.readouterr().out
    assert shown.startswith(f"힌트 2/2 [{task_id}] ") and second in shown and f'solution("{task_id}")' in shown
    assert f'check("{task_id}", ' in second  # 2단계 힌트는 채점하는 줄을 보여 준다
    code_lines = [line.strip() for line in TASKS[task_id].solution.splitlines() if len(line.strip()) > 25]
    assert not any(line in first + second for line in code_lines)  # 힌트에는 풀이 코드가 없다
    solution(task_id)
    shown = capsys.readouterr().out
    assert shown.startswith(f"풀이 [{task_id}] ") and TASKS[task_id].solution in shown


@pytest.mark.parametrize("task_id", list(TASKS))
def test_first_hint_gives_the_idea_not_the_tools(task_id: str) -> None:
    """1단계 힌트에는 풀이가 쓰는 문자열 값("relu", "val_accuracy" …)도, keras의 클래스 이름도 없다."""
    answer = TASKS[task_id].solution
    tools = set(re.findall(r'"([A-Za-z_]{3,})"', answer)) | {name.rsplit(".", 1)[1] for name in re.findall(r"keras(?:\.\w+)+", answer)}
    first = TASKS[task_id].hints[0].lower()
    assert not [tool for tool in tools if tool.lower() in first]


def test_hint_level_can_be_chosen_and_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    hint("M1-2", 2)
    assert capsys.readouterr().out.startswith("힌트 2/2 [M1-2] ")
    hint("m1-2", 1)  # 소문자도 같은 미션
    assert capsys.readouterr().out.startswith("힌트 1/2 [M1-2] ")
    for bad in (0, 3, True, "2"):
        with pytest.raises(ValueError, match=r'힌트 단계\(level\)는 1 또는 2입니다. 예: hint\("M1-2", 2\)'):
            hint("M1-2", bad)


def test_unknown_id_lists_the_missions_and_points_quiz_ids_to_answer() -> None:
    for function in (hint, solution, check):
        with pytest.raises(ValueError, match=r"'5-1'라는 미션은 없습니다. 있는 미션 번호: M1-1, M1-2, M2, .*answer\(...\)로 채점"):
            function("5-1")
        with pytest.raises(ValueError, match="'M9'라는 미션은 없습니다"):
            function("M9")
    hint(" TDC ")  # 앞뒤 공백은 봐준다


@pytest.mark.parametrize("task_id", list(TASKS))
def test_unanswered_try_cell_gets_a_pointer_not_a_verdict(capsys: pytest.CaptureFixture[str], task_id: str) -> None:
    check(task_id, None)
    shown = capsys.readouterr().out
    assert shown.startswith(f"아직 답이 없습니다 [{task_id}] ")
    assert f'hint("{task_id}")' in shown and "통과" not in shown
    with pytest.raises(MissionCheckError):  # 채점 함수를 직접 부르면 None도 채점한다
        required = [p for p in inspect.signature(TASKS[task_id].check).parameters.values() if p.default is inspect.Parameter.empty]
        TASKS[task_id].check(*[None] * len(required))


HOSTILE = [0, 1.5, True, "정답", b"bytes", [], {}, (), {"a": 1}, object(), print]


@pytest.mark.parametrize("task_id", list(TASKS))
@pytest.mark.parametrize("value", HOSTILE, ids=[type(v).__name__ + str(i) for i, v in enumerate(HOSTILE)])
def test_any_kind_of_input_gets_a_korean_verdict(task_id: str, value: Any) -> None:
    """어떤 값이 어느 자리에 들어와도 채점기는 MissionCheckError(또는 한국어 TypeError)만 낸다."""
    arity = len(inspect.signature(TASKS[task_id].check).parameters)
    for count in range(1, arity + 1):
        try:
            check(task_id, *[value] * count)
        except MissionCheckError as error:
            assert re.search("[가-힣]", str(error))
        except TypeError as error:
            assert re.search("[가-힣]", str(error)), error
        else:
            pytest.fail(f"{task_id}: {value!r}가 통과했습니다")


def test_wrong_number_of_answers_is_a_korean_type_error() -> None:
    with pytest.raises(TypeError, match=r'check\("M3-2", ...\)에 답을 2개 넘겼습니다. 이 미션은 \(model\) 순서로 받습니다'):
        check("M3-2", keras.Sequential(), keras.Sequential())


def test_import_and_hints_do_not_load_tensorflow() -> None:
    code = "import sys, mnist_course.missions as m; m.hint('TDC'); m.solution('M1-1'); assert 'tensorflow' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60, cwd=ROOT)


def test_each_chapter_has_its_own_module() -> None:
    for task_id, chapter in {
        "M1-1": "ch05",
        "M1-2": "ch05",
        "M2": "ch06",
        "M3-1": "ch07",
        "M3-2": "ch07",
        "TDC": "ch08",
        "CNN": "ch09",
    }.items():
        assert TASKS[task_id].check.__module__ == f"mnist_course.missions.{chapter}"  # 크기는 test_packaging이 본다

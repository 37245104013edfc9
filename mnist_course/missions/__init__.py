"""미션 채점기: 학습자가 만든 객체(모델, 콜백, 학습 기록)를 직접 들여다보고 미션의 목표를 지켰는지 본다.

check("M1-1", my_model, my_history)처럼 미션 번호로 부른다. 번호는 본문의 미션 이름을 따른다:
M1-1, M1-2(5장), M2(6장), M3-1, M3-2(7장), TDC(8장), CNN(9장). 확인 문제의 번호("5-1" 같은)와는 겹치지 않는다.

확인 함수는 목표를 모두 지켰으면 무엇을 확인했는지 한 줄("통과 ...")을 출력하고,
아니면 무엇이 틀렸는지와 고칠 방향을 담은 MissionCheckError를 낸다. 실패 메시지에는 풀이를 넣지 않는다.
힌트와 풀이는 hint("M1-1"), solution("M1-1")처럼 따로 부를 때만 보인다. 확인 함수는 아무것도 학습시키지 않는다.
장마다 채점기가 한 파일(ch05.py … ch09.py)에 있고, 함께 쓰는 도우미는 _common.py(모든 장)와 _dense.py(5~7장의 Dense 모델)에 있다.
"""

from __future__ import annotations

import inspect
from typing import Any

from mnist_course.missions import ch05, ch06, ch07, ch08, ch09
from mnist_course.missions._common import MissionCheckError, MissionTask

TASKS: dict[str, MissionTask] = {task.task_id: task for module in (ch05, ch06, ch07, ch08, ch09) for task in module.TASKS}


def _task(task_id: Any) -> MissionTask:
    key = str(task_id).strip().upper()
    if key not in TASKS:
        quiz = " 확인 문제의 번호라면 answer(...)로 채점합니다." if str(task_id).strip()[:1].isdigit() else ""
        raise ValueError(f"{task_id!r}라는 미션은 없습니다. 있는 미션 번호: {', '.join(TASKS)}.{quiz}")
    return TASKS[key]


_hints_shown: dict[str, int] = {}  # 미션마다 지금까지 보여 준 가장 높은 힌트 단계


def hint(task_id: str, level: int | None = None) -> None:
    """미션의 힌트를 출력한다(풀이는 보여 주지 않는다).

    처음 부르면 1단계(생각할 거리), 같은 미션으로 다시 부르면 2단계(쓸 도구와 값)를 보여 준다. level=1 또는 2로 단계를 고를 수도 있다.
    """
    task = _task(task_id)
    if level is None:
        level = min(_hints_shown.get(task.task_id, 0) + 1, len(task.hints))
    elif isinstance(level, bool) or level not in range(1, len(task.hints) + 1):
        raise ValueError(f'hint("{task.task_id}", {level!r}): 힌트 단계(level)는 1 또는 2입니다. 예: hint("{task.task_id}", 2)')
    _hints_shown[task.task_id] = max(_hints_shown.get(task.task_id, 0), level)
    more = f'더 구체적인 힌트: hint("{task.task_id}") 한 번 더' if level < len(task.hints) else f'풀이 코드: solution("{task.task_id}")'
    print(f"힌트 {level}/{len(task.hints)} [{task.task_id}] {task.title}\n{task.hints[level - 1]}\n({more})")


def solution(task_id: str) -> None:
    """미션의 풀이 코드(한 가지 예)를 출력한다. 먼저 직접 풀어 본 다음에 보세요."""
    task = _task(task_id)
    print(f"풀이 [{task.task_id}] {task.title}\n{task.solution}")


def check(task_id: str, *answers: Any) -> None:
    """미션 번호로 채점한다. 예: check("TDC", MyStopCallback, my_result).

    첫 답이 None이면(직접 해 보기 셀을 아직 채우지 않았으면) 채점하지 않고 무엇을 하면 되는지만 알려 준다.
    """
    task = _task(task_id)
    if not answers or answers[0] is None:
        print(
            f"아직 답이 없습니다 [{task.task_id}] {task.title}: 확인할 변수가 None입니다. "
            "위의 주석(#)을 풀고 ...를 채워 실행한 뒤 이 줄을 다시 실행하세요. "
            f'막히면 hint("{task.task_id}"), 풀이는 solution("{task.task_id}")'
        )
        return
    expected = [name for name in inspect.signature(task.check).parameters]
    try:
        inspect.signature(task.check).bind(*answers)
    except TypeError:
        raise TypeError(
            f'check("{task.task_id}", ...)에 답을 {len(answers)}개 넘겼습니다. 이 미션은 ({", ".join(expected)}) 순서로 받습니다. '
            f"예: {task.hints[1].splitlines()[-1].split('확인: ')[-1]}"
        ) from None
    task.check(*answers)


__all__ = ["TASKS", "MissionCheckError", "MissionTask", "check", "hint", "solution"]

"""확인 문제 채점의 규칙: 답 칸(Part)과 문제(Question), 학습자가 넣은 값 읽기, 한 칸 채점하기.

문제들은 장마다 한 파일(ch01.py ...)에 있고, answer()는 mnist_course.quiz에 있다.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Part:
    """답 한 칸: 무엇을 넣는지, 기댓값, 허용 오차, 흔한 실수(틀린 값 → 힌트)."""

    label: str  # 무엇을 넣는지(짧게)
    expected: Any  # 숫자 하나, 숫자 튜플(목록), 튜플의 튜플(행렬)
    how: str  # 흔한 실수가 아닐 때 보여 줄 방향: 무엇을 다시 계산할지
    mistakes: Mapping[Any, str] = field(default_factory=dict)
    rel_tol: float = 0.0  # 상대 허용 오차(정수 답은 0: 정확히 같아야 한다)
    abs_tol: float = 0.0  # 절대 허용 오차
    fixed_length: bool = True  # False면 길이가 다른 목록도 오답으로 채점한다(오류를 내지 않는다)


@dataclass(frozen=True)
class Question:
    """확인 문제 하나: 번호("장-번호")와 답 칸들."""

    question_id: str
    parts: tuple[Part, ...]

    @property
    def prompt(self) -> str:
        """넣을 것의 짧은 설명, 예: "1 에포크의 이터레이션 수, 마지막 묶음의 데이터 수"."""
        return ", ".join(part.label for part in self.parts)


# ---------------------------------------------------------------- 값 읽기와 비교


def _shape(value: Any) -> tuple[int, ...]:
    """숫자는 (), 목록은 (n,), 행렬은 (행, 열). 행마다 길이가 다르면 ValueError."""
    if not isinstance(value, (list, tuple)):
        return ()
    inner = {_shape(item) for item in value}
    if len(inner) > 1:
        raise ValueError("행(row)마다 값의 개수가 같아야 합니다.")
    return (len(value), *(inner.pop() if inner else ()))


def _shape_text(shape: tuple[int, ...]) -> str:
    if not shape:
        return "숫자 하나"
    if len(shape) == 1:
        return f"숫자 {shape[0]}개짜리 목록(list)"
    return f"{'×'.join(map(str, shape))} 행렬(matrix, 목록의 목록)"


def read(qid: str, part: Part, raw: Any) -> Any:
    """학습자가 넣은 값을 float(또는 float 튜플)로 바꾼다. 숫자가 아니면 TypeError, 행 길이가 들쭉날쭉하면 ValueError."""
    value = _read_item(qid, part, raw)
    try:
        _shape(value)
    except ValueError as err:
        raise ValueError(f"[{qid}] {part.label}: {err} 받은 것: {_fmt(value)}") from None
    return value


def _read_item(qid: str, part: Part, raw: Any) -> Any:
    if hasattr(raw, "tolist") and not isinstance(raw, (str, bytes)):
        raw = raw.tolist()  # numpy 배열·스칼라
    if isinstance(raw, (list, tuple)):
        if not isinstance(part.expected, tuple):
            raise TypeError(
                f"[{qid}] {part.label}에는 숫자 하나를 넣으세요(목록(list)이 아니라). "
                f'답이 여러 개인 문제는 answer("{qid}", 값1, 값2)처럼 쉼표로 나누어 넣습니다.'
            )
        return tuple(_read_item(qid, part, item) for item in raw)
    if isinstance(raw, str):
        example = f"(예: {raw.strip()})" if _is_number_text(raw) else ""
        raise TypeError(f"[{qid}] {part.label}에 문자열(str)이 들어왔습니다: {raw!r}. 따옴표 없이 숫자(number)로 넣으세요{example}.")
    if isinstance(raw, bool) or not isinstance(raw, numbers.Real):
        raise TypeError(f"[{qid}] {part.label}에는 숫자(number)를 넣으세요. 받은 것: {raw!r} ({type(raw).__name__})")
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(f"[{qid}] {part.label} 값이 {value}입니다. 계산한 숫자를 넣으세요.")
    return value


def _is_number_text(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _flat(value: Any) -> list[float]:
    if isinstance(value, tuple):
        return [x for item in value for x in _flat(item)]
    return [value]


def _near(a: float, b: float, part: Part) -> bool:
    # 정수 답도 (1 - 0.995) * 10000 = 49.99999999999996 같은 부동소수점 오차는 받는다
    return math.isclose(a, b, rel_tol=max(part.rel_tol, 1e-9), abs_tol=max(part.abs_tol, 1e-12))


def _close(value: Any, target: Any, part: Part) -> bool:
    if _shape(value) != _shape(target):
        return False
    return all(_near(a, b, part) for a, b in zip(_flat(value), _flat(target), strict=True))


def _fmt(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(_fmt, value)) + "]"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def _direction(value: Any, part: Part) -> str:
    """흔한 실수가 아닌 오답에 줄 방향(정답 값은 말하지 않는다)."""
    expected = part.expected
    if not isinstance(expected, tuple):
        return f"정답은 이보다 {'큽니다' if value < expected else '작습니다'}. {part.how}"
    if _shape(value) != _shape(expected):
        return f"값의 개수가 다릅니다. {part.how}"
    if len(_shape(expected)) == 2:
        wrong = [
            f"{r + 1}행 {c + 1}열" for r, row in enumerate(expected) for c, want in enumerate(row) if not _near(value[r][c], want, part)
        ]
        return f"{', '.join(wrong)}이 다릅니다. {part.how}"
    return f"목록의 값이 다릅니다. {part.how}"


def grade(qid: str, part: Part, value: Any) -> tuple[bool, str]:
    """답 한 칸을 채점해 (맞았는지, 출력할 줄)을 돌려준다. 모양이 틀린 행렬은 ValueError."""
    if value is None:
        return False, f"빈칸 [{qid}] {part.label}: None 자리에 계산한 답을 넣으세요."
    if _close(value, part.expected, part):
        return True, f"정답 [{qid}] {part.label} = {_fmt(value)}"
    shown = f"오답 [{qid}] {part.label} = {_fmt(value)}: "
    for wrong, hint in part.mistakes.items():
        if _close(value, wrong, part):
            return False, shown + hint
    expected_shape, got = _shape(part.expected), _shape(value)
    if got != expected_shape and (part.fixed_length or len(got) != 1 or len(expected_shape) != 1):
        raise ValueError(
            f"[{qid}] {part.label}의 모양(shape)이 맞지 않습니다: {_shape_text(expected_shape)}로 넣으세요(받은 것: {_shape_text(got)})."
        )
    return False, shown + _direction(value, part)

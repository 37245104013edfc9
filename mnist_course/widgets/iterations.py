"""3장의 위젯: 이터레이션 계산기와 퀴즈. 계산(count_iterations)은 일반 함수로도 쓴다."""

from __future__ import annotations

import html
import math
import numbers
from typing import Any, NamedTuple


class IterationCount(NamedTuple):
    """한 에포크의 이터레이션(iteration) 수와 마지막 미니배치 크기."""

    per_epoch: int
    total: int
    last_batch: int


def positive_int(name: str, value: object) -> int:
    """1 이상의 정수(정수 값인 float 포함)를 int로. None, 문자열, bool은 TypeError, NaN·무한대·0·음수·소수는 ValueError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}={value!r}: 1 이상의 정수(positive integer)여야 합니다. 받은 것은 {type(value).__name__}입니다.")
    if not math.isfinite(value) or int(value) != value or value < 1:
        raise ValueError(f"{name}={value!r}: 1 이상의 정수(positive integer)여야 합니다.")
    return int(value)


def count_iterations(n_examples: int, batch_size: int, epochs: int = 1) -> IterationCount:
    """데이터 n_examples개를 batch_size씩 나누면 에포크마다 몇 번 업데이트하는지 계산한다(마지막 배치 포함: 올림)."""
    n_examples, batch_size = positive_int("n_examples", n_examples), positive_int("batch_size", batch_size)
    epochs = positive_int("epochs", epochs)
    per_epoch = math.ceil(n_examples / batch_size)
    last = n_examples - (per_epoch - 1) * batch_size
    return IterationCount(per_epoch, per_epoch * epochs, last)


def describe_iterations(n_examples: int, batch_size: int, epochs: int = 1) -> str:
    """count_iterations의 결과를 한국어 문장(HTML)으로 풀어 쓴다."""
    count = count_iterations(n_examples, batch_size, epochs)
    full = count.per_epoch - 1 if count.last_batch < batch_size else count.per_epoch
    lines = [
        f"에포크당 이터레이션: ⌈{n_examples:,} ÷ {batch_size:,}⌉ = <b>{count.per_epoch:,}</b>번",
        f"전체 이터레이션: {count.per_epoch:,} × {epochs} 에포크 = <b>{count.total:,}</b>번",
    ]
    if count.last_batch < batch_size:
        lines.append(f"{batch_size:,}개짜리 미니배치 {full:,}개 + 마지막에 남은 <b>{count.last_batch:,}</b>개짜리 미니배치 1개")
    else:
        lines.append(f"{batch_size:,}개짜리 미니배치 {full:,}개로 딱 나누어떨어집니다.")
    return "<br>".join(lines)


def iteration_calculator(n_examples: int = 50000, batch_size: int = 32, epochs: int = 5) -> Any:
    """데이터 수, 배치 크기, 에포크 수를 바꾸면 이터레이션 수를 바로 보여 주는 위젯."""
    import ipywidgets as w

    count_iterations(n_examples, batch_size, epochs)  # 잘못된 시작값은 위젯이 조용히 바꾸기 전에 알린다
    for name, value, most in (("n_examples", n_examples, 10_000_000), ("batch_size", batch_size, 1_000_000), ("epochs", epochs, 50)):
        if value > most:
            raise ValueError(f"iteration_calculator: {name}={value!r}: 위젯은 {most:,} 이하만 다룹니다(too large).")
    style = {"description_width": "150px"}
    n = w.BoundedIntText(value=n_examples, min=1, max=10_000_000, description="데이터 수", style=style)
    batch = w.BoundedIntText(value=batch_size, min=1, max=1_000_000, description="미니배치 크기", style=style)
    ep = w.IntSlider(value=epochs, min=1, max=50, description="에포크 수", style=style)
    result = w.HTML()

    def update(_: Any = None) -> None:
        result.value = describe_iterations(n.value, batch.value, ep.value)

    for control in (n, batch, ep):
        control.observe(update, names="value")
    update()
    return w.VBox([n, batch, ep, result])


QUIZ_QUESTION = "훈련 데이터 50,000개를 미니배치 1,000개씩 나누어 학습합니다. 1 에포크는 몇 번의 이터레이션일까요?"


def iteration_quiz() -> Any:
    """50,000개 / 미니배치 1,000 퀴즈를 풀고 한국어 피드백을 받는 위젯."""
    import ipywidgets as w

    from mnist_course.quiz import grade
    from mnist_course.quiz.ch03 import WIDGET_QUESTION

    answer = w.IntText(value=0, description="내 답")
    button = w.Button(description="채점하기", button_style="primary")
    feedback = w.HTML("답을 입력하고 <b>채점하기</b>를 누르세요.")

    def check(_: Any = None) -> None:
        question = WIDGET_QUESTION
        right, message = grade(question.question_id, question.parts[0], answer.value)  # answer()와 같은 채점 규칙
        color = "#1a7f37" if right else "#b35900"
        feedback.value = f'<span style="color:{color}">{html.escape(message)}</span>'

    button.on_click(check)
    return w.VBox([w.HTML(f"<b>퀴즈</b>: {QUIZ_QUESTION}"), w.HBox([answer, button]), feedback])

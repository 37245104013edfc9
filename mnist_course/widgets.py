"""수업용 대화형 위젯(ipywidgets). 각 위젯의 계산은 일반 함수로도 쓸 수 있다.

위젯을 움직이려면 실행 중인 Jupyter 커널(Colab이나 Jupyter)이 필요하다. 정적 사이트에는 미리 실행한 결과 화면만 저장된다.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

DIGIT_PIXELS = 28


class IterationCount(NamedTuple):
    """한 에포크의 이터레이션(iteration) 수와 마지막 미니배치 크기."""

    per_epoch: int
    total: int
    last_batch: int


def count_iterations(n_examples: int, batch_size: int, epochs: int = 1) -> IterationCount:
    """데이터 n_examples개를 batch_size씩 나누면 에포크마다 몇 번 업데이트하는지 계산한다(마지막 배치 포함: 올림)."""
    for name, value in (("n_examples", n_examples), ("batch_size", batch_size), ("epochs", epochs)):
        if int(value) != value or value < 1:
            raise ValueError(f"{name}={value!r}: 1 이상의 정수여야 합니다.")
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


def check_quiz_answer(answer: int, n_examples: int = 50000, batch_size: int = 1000) -> tuple[bool, str]:
    """퀴즈 답을 채점하고 (맞았는지, 한국어 피드백)을 돌려준다."""
    right = count_iterations(n_examples, batch_size).per_epoch
    if answer == right:
        return True, f"정답입니다! {n_examples:,} ÷ {batch_size:,} = {right}번 업데이트하면 모든 데이터를 한 번씩 씁니다."
    if answer == n_examples:
        return False, "그건 데이터 수입니다. 이터레이션 한 번에 미니배치 하나, 즉 여러 개를 한꺼번에 씁니다."
    if answer == n_examples * batch_size:
        return False, "곱하면 너무 커집니다. 데이터를 미니배치 크기로 '나누어' 보세요."
    hint = "더 큽니다" if answer < right else "더 작습니다"
    return False, f"아쉽네요. 정답은 {answer}보다 {hint}. 데이터 수 ÷ 미니배치 크기를 계산해 보세요."


def iteration_quiz() -> Any:
    """50,000개 / 미니배치 1,000 퀴즈를 풀고 한국어 피드백을 받는 위젯."""
    import ipywidgets as w

    answer = w.IntText(value=0, description="내 답")
    button = w.Button(description="채점하기", button_style="primary")
    feedback = w.HTML("답을 입력하고 <b>채점하기</b>를 누르세요.")

    def grade(_: Any = None) -> None:
        right, message = check_quiz_answer(answer.value)
        color = "#1a7f37" if right else "#b35900"
        feedback.value = f'<span style="color:{color}">{message}</span>'

    button.on_click(grade)
    return w.VBox([w.HTML(f"<b>퀴즈</b>: {QUIZ_QUESTION}"), w.HBox([answer, button]), feedback])


def top_predictions(model: Any, image: np.ndarray, k: int = 3) -> list[tuple[int, float]]:
    """모델이 이미지 한 장에 대해 가장 높게 본 k개의 (숫자, 확률)."""
    batch = np.asarray(image, dtype="float32").reshape(1, DIGIT_PIXELS, DIGIT_PIXELS, 1)
    probabilities = np.asarray(model(batch, training=False))[0]
    order = np.argsort(probabilities)[::-1][:k]
    return [(int(i), float(probabilities[i])) for i in order]


def digit_png(image: np.ndarray, size: float = 2.2) -> bytes:
    """28x28 이미지를 종이에 쓴 것처럼(gray_r) 그린 PNG 바이트."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(size, size), dpi=80)
    ax = fig.add_subplot()
    ax.imshow(np.asarray(image).reshape(DIGIT_PIXELS, DIGIT_PIXELS), cmap="gray_r")
    ax.axis("off")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def digit_browser(images: np.ndarray, labels: np.ndarray, model: Any = None, index: int = 0) -> Any:
    """슬라이더로 훈련 이미지를 골라 그림, 정답, (모델이 있으면) 모델의 상위 예측을 보는 위젯."""
    import ipywidgets as w

    labels = np.asarray(labels)
    if labels.ndim == 2:  # 원-핫 레이블이면 숫자로
        labels = labels.argmax(axis=1)
    if len(images) != len(labels):
        raise ValueError(f"digit_browser: 이미지 {len(images)}개와 레이블 {len(labels)}개의 개수가 다릅니다.")
    slider = w.IntSlider(value=index, min=0, max=len(images) - 1, description="이미지 번호", continuous_update=False)
    picture = w.Image(format="png")
    info = w.HTML()

    def update(_: Any = None) -> None:
        i = slider.value
        picture.value = digit_png(images[i])
        text = f"<b>{i}번</b> 이미지의 정답 레이블(label): <b>{int(labels[i])}</b>"
        if model is not None:
            guesses = ", ".join(f"{digit} ({p:.1%})" for digit, p in top_predictions(model, images[i]))
            text += f"<br>모델의 상위 예측: {guesses}"
        info.value = text

    slider.observe(update, names="value")
    update()
    return w.VBox([slider, w.HBox([picture, info])])


OPTIMIZERS = {
    "SGD": lambda lr: {"class_name": "SGD", "config": {"learning_rate": lr}},
    "SGD + 모멘텀(0.9)": lambda lr: {"class_name": "SGD", "config": {"learning_rate": lr, "momentum": 0.9}},
    "Adam": lambda lr: {"class_name": "Adam", "config": {"learning_rate": lr}},
}


def train_playground_model(
    data: Any,
    optimizer: str = "Adam",
    learning_rate: float = 0.001,
    batch_size: int = 64,
    epochs: int = 5,
    n_train: int = 10000,
    on_epoch_end: Callable[[int, dict[str, list[float]]], None] | None = None,
) -> dict[str, list[float]]:
    """훈련 데이터 앞쪽 n_train개로 Dense(50) 모델을 학습하고 에포크별 기록(history)을 돌려준다.

    data는 prepare_mnist()의 결과다. on_epoch_end(epoch, 지금까지의 기록)은 에포크마다 불린다.
    """
    import keras

    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer={optimizer!r}: {list(OPTIMIZERS)} 중 하나여야 합니다.")
    if not 0 < learning_rate <= 10:
        raise ValueError(f"learning_rate={learning_rate}: 0보다 크고 10 이하여야 합니다.")
    model = keras.Sequential(
        [
            keras.Input(shape=(DIGIT_PIXELS, DIGIT_PIXELS, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(50, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="playground",
    )
    model.compile(
        optimizer=keras.optimizers.get(OPTIMIZERS[optimizer](learning_rate)),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    logs: dict[str, list[float]] = {}

    class Report(keras.callbacks.Callback):
        def on_epoch_end(self, epoch: int, epoch_logs: dict[str, float] | None = None) -> None:
            for key, value in (epoch_logs or {}).items():
                logs.setdefault(key, []).append(float(value))
            if on_epoch_end is not None:
                on_epoch_end(epoch, logs)

    model.fit(
        data.x_train[:n_train],
        data.y_train[:n_train],
        validation_data=(data.x_val, data.y_val),
        batch_size=batch_size,
        epochs=epochs,
        verbose=0,
        callbacks=[Report()],
    )
    return logs


def history_png(logs: dict[str, list[float]], total_epochs: int) -> bytes:
    """학습 기록을 정확도·손실 곡선 PNG로 그린다(놀이터 위젯이 에포크마다 다시 그린다)."""
    import matplotlib.pyplot as plt

    from mnist_course.plots import plot_history

    fig = plot_history(logs)
    for ax in fig.axes:
        ax.set_xlim(0.5, total_epochs + 0.5)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=72)
    plt.close(fig)
    return buffer.getvalue()


def training_playground(data: Any, run_now: bool = False) -> Any:
    """옵티마이저, 학습률, 배치 크기, 에포크 수를 골라 작은 모델을 학습시키고 곡선을 실시간으로 보는 위젯.

    run_now=True면 만들자마자 기본 설정으로 한 번 학습한다(정적 사이트에 결과 그림을 남길 때).
    """
    import ipywidgets as w

    style = {"description_width": "110px"}
    optimizer = w.Dropdown(options=list(OPTIMIZERS), value="Adam", description="옵티마이저", style=style)
    lr = w.FloatLogSlider(value=0.001, base=10, min=-4, max=0, step=0.25, description="학습률", readout_format=".4f", style=style)
    batch = w.Dropdown(options=[16, 32, 64, 128, 256, 512], value=64, description="배치 크기", style=style)
    epochs = w.IntSlider(value=5, min=1, max=20, description="에포크 수", style=style)
    button = w.Button(description="학습 시작", button_style="primary")
    progress = w.IntProgress(value=0, min=0, max=epochs.value, description="진행")
    status = w.HTML("훈련 데이터 10,000개로 Dense(50) 모델을 학습합니다. 설정을 고르고 <b>학습 시작</b>을 누르세요.")
    chart = w.Image(format="png")

    def run(_: Any = None) -> dict[str, list[float]]:
        button.disabled = True
        progress.max, progress.value = epochs.value, 0
        status.value = "학습 중..."

        def show(epoch: int, logs: dict[str, list[float]]) -> None:
            progress.value = epoch + 1
            chart.value = history_png(logs, epochs.value)
            status.value = (
                f"에포크 {epoch + 1}/{epochs.value}: 훈련 정확도 {logs['accuracy'][-1]:.3f}, "
                f"검증 정확도 {logs['val_accuracy'][-1]:.3f}"
            )

        try:
            logs = train_playground_model(data, optimizer.value, lr.value, batch.value, epochs.value, on_epoch_end=show)
        finally:
            button.disabled = False
        status.value += " (완료)"
        return logs

    button.on_click(run)
    box = w.VBox([w.HBox([w.VBox([optimizer, lr]), w.VBox([batch, epochs])]), w.HBox([button, progress]), status, chart])
    box.run = run  # 테스트와 노트북에서 버튼을 누르는 것과 같은 동작
    box.controls = {"optimizer": optimizer, "learning_rate": lr, "batch_size": batch, "epochs": epochs}
    if run_now:
        run()
    return box

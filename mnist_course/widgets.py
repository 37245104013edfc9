"""수업용 대화형 위젯(ipywidgets). 각 위젯의 계산은 일반 함수로도 쓸 수 있다.

위젯을 움직이려면 실행 중인 Jupyter 커널(Colab이나 Jupyter)이 필요하다. 정적 사이트에는 미리 실행한 결과 화면만 저장된다.
"""

from __future__ import annotations

import html
import io
import math
import numbers
import traceback
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

DIGIT_PIXELS = 28


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


def top_predictions(model: Any, image: np.ndarray, k: int = 3) -> list[tuple[int, float]]:
    """모델이 이미지 한 장에 대해 가장 높게 본 k개의 (숫자, 확률).

    model은 학습한 Keras 모델(model(batch, training=False)로 부른다) 또는 배치를 받아 확률을 돌려주는 예측 함수다.
    """
    if model is None or not callable(model):
        raise TypeError(
            f"top_predictions: model={model!r:.60}: 학습한 모델(trained model)이나 예측 함수(predict function)가 필요합니다. "
            "예: top_predictions(model, x_train[0])"
        )
    k = positive_int("k", k)
    pixels = np.asarray(image, dtype="float32")
    if pixels.size != DIGIT_PIXELS * DIGIT_PIXELS:
        raise ValueError(f"top_predictions: 이미지 shape이 {pixels.shape}입니다. 28x28(784픽셀) 이미지 한 장이어야 합니다.")
    batch = pixels.reshape(1, DIGIT_PIXELS, DIGIT_PIXELS, 1)
    output = model(batch, training=False) if hasattr(model, "predict") else model(batch)
    probabilities = np.asarray(output)
    if probabilities.ndim != 2 or probabilities.shape[0] != 1:
        raise ValueError(f"top_predictions: 모델 출력의 shape이 {probabilities.shape}입니다. (1, 클래스 수)여야 합니다.")
    probabilities = probabilities[0]
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

    images, labels = _browser_arrays(images, labels)
    if not 0 <= index < len(images):
        raise ValueError(f"digit_browser: index={index!r}: 0 이상 {len(images) - 1} 이하여야 합니다(out of range).")
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


def _browser_arrays(images: Any, labels: Any) -> tuple[np.ndarray, np.ndarray]:
    """digit_browser의 입력 확인: 비어 있지 않고, 이미지는 28x28, 레이블은 숫자나 원-핫, 개수가 같아야 한다."""
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim == 0 or len(images) == 0:
        raise ValueError("digit_browser: 이미지가 하나도 없습니다(empty images). 예: digit_browser(x_train, y_train)")
    if math.prod(images.shape[1:]) != DIGIT_PIXELS * DIGIT_PIXELS:
        raise ValueError(f"digit_browser: 이미지 배열의 shape이 {images.shape}입니다. 한 장이 28x28(784픽셀)이어야 합니다.")
    if labels.ndim == 2:  # 원-핫 레이블이면 숫자로
        labels = labels.argmax(axis=1) if labels.shape[1] else labels[:, 0]
    if labels.ndim != 1:
        raise ValueError(f"digit_browser: 레이블 배열의 shape이 {labels.shape}입니다. 숫자 레이블(1차원)이나 원-핫(2차원)이어야 합니다.")
    if len(images) != len(labels):
        raise ValueError(f"digit_browser: 이미지 {len(images)}개와 레이블 {len(labels)}개의 개수가 다릅니다(count mismatch).")
    return images, labels


OPTIMIZERS = {
    "SGD": lambda lr: {"class_name": "SGD", "config": {"learning_rate": lr}},
    "SGD + 모멘텀(0.9)": lambda lr: {"class_name": "SGD", "config": {"learning_rate": lr, "momentum": 0.9}},
    "Adam": lambda lr: {"class_name": "Adam", "config": {"learning_rate": lr}},
}


def require_model_builder(build_model: object) -> None:
    """놀이터에 넘긴 것이 모델을 만들어 돌려주는 함수인지(만든 모델이나 문자열을 넘기는 실수를 분명한 오류로)."""
    if not callable(build_model):
        raise TypeError(
            f"build_model={build_model!r}: 모델을 만들어 돌려주는 함수(function)여야 합니다. "
            "예: training_playground(data, build_base_model) (괄호 없이 함수 이름만)"
        )
    if hasattr(build_model, "fit") and hasattr(build_model, "layers"):  # Keras 모델도 부를 수 있는(callable) 객체다
        raise TypeError(
            "build_model에 이미 만든 모델이 들어왔습니다. 놀이터는 설정마다 새 모델을 만들어야 하므로 모델을 만드는 함수를 넘기세요. "
            "예: training_playground(data, build_base_model) (build_base_model() 아님)"
        )


def train_playground_model(
    data: Any,
    build_model: Callable[[], Any],
    optimizer: str = "Adam",
    learning_rate: float = 0.001,
    batch_size: int = 64,
    epochs: int = 5,
    n_train: int = 10000,
    on_epoch_end: Callable[[int, dict[str, list[float]]], None] | None = None,
) -> dict[str, list[float]]:
    """build_model()이 만든 모델(노트북에서 정의한 것)을 고른 옵티마이저로 컴파일하고, 훈련 데이터 앞쪽 n_train개로
    학습해 에포크별 기록(history)을 돌려준다.

    data는 prepare_mnist()의 결과다(레이블은 원-핫). on_epoch_end(epoch, 지금까지의 기록)은 에포크마다 불린다.
    """
    import keras

    batch_size, epochs, n_train = positive_int("batch_size", batch_size), positive_int("epochs", epochs), positive_int("n_train", n_train)
    require_model_builder(build_model)
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer={optimizer!r}: {list(OPTIMIZERS)} 중 하나여야 합니다.")
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real) or not 0 < learning_rate <= 10:
        raise ValueError(f"learning_rate={learning_rate}: 0보다 크고 10 이하여야 합니다.")
    model = build_model()
    if not isinstance(model, keras.Model):
        raise TypeError(
            f"build_model()이 Keras 모델이 아니라 {type(model).__name__}을(를) 돌려주었습니다. 함수 끝에 return 모델이 있는지 보세요."
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


class TrainingPlayground:
    """옵티마이저, 학습률, 배치 크기, 에포크 수를 골라 노트북이 정의한 모델을 학습시키고 곡선을 실시간으로 보는 위젯.

    노트북에서는 training_playground(data, build_base_model)로 만든다. controls에 각 조절기가, widget에 화면 전체가 있고,
    run()은 학습 시작 버튼을 누르는 것과 같다. 학습이 실패하면 상태 줄에 "학습 실패(failed)"와 오류를,
    그 아래에 traceback을 보이고 예외를 다시 낸다.
    """

    def __init__(self, data: Any, build_model: Callable[[], Any], n_train: int = 10000) -> None:
        import ipywidgets as w

        require_model_builder(build_model)
        self.data, self.build_model, self.n_train = data, build_model, positive_int("n_train", n_train)
        style = {"description_width": "110px"}
        self.controls = {
            "optimizer": w.Dropdown(options=list(OPTIMIZERS), value="Adam", description="옵티마이저", style=style),
            "learning_rate": w.FloatLogSlider(
                value=0.001, base=10, min=-4, max=0, step=0.25, description="학습률", readout_format=".4f", style=style
            ),
            "batch_size": w.Dropdown(options=[16, 32, 64, 128, 256, 512], value=64, description="배치 크기", style=style),
            "epochs": w.IntSlider(value=5, min=1, max=20, description="에포크 수", style=style),
        }
        self.button = w.Button(description="학습 시작", button_style="primary")
        self.progress = w.IntProgress(value=0, min=0, max=self.controls["epochs"].value, description="진행")
        self.status = w.HTML(
            f"노트북에서 정의한 모델을 훈련 데이터 {self.n_train:,}개로 학습합니다. 설정을 고르고 <b>학습 시작</b>을 누르세요."
        )
        self.chart = w.Image(format="png")
        self.error = w.HTML()  # 버튼 콜백의 예외는 화면에 안 나오므로, 실패하면 오류와 traceback을 여기에 보인다
        c = self.controls
        self.widget = w.VBox(
            [
                w.HBox([w.VBox([c["optimizer"], c["learning_rate"]]), w.VBox([c["batch_size"], c["epochs"]])]),
                w.HBox([self.button, self.progress]),
                self.status,
                self.chart,
                self.error,
            ]
        )
        self.button.on_click(lambda _: self.run())

    def run(self) -> dict[str, list[float]]:
        """지금 고른 설정으로 한 번 학습하고 에포크별 기록을 돌려준다."""
        c, epochs = self.controls, self.controls["epochs"].value
        self.button.disabled = True
        self.progress.max, self.progress.value = epochs, 0
        self.status.value, self.error.value = "학습 중...", ""

        def show(epoch: int, logs: dict[str, list[float]]) -> None:
            self.progress.value = epoch + 1
            self.chart.value = history_png(logs, epochs)
            self.status.value = (
                f"에포크 {epoch + 1}/{epochs}: 훈련 정확도 {logs['accuracy'][-1]:.3f}, 검증 정확도 {logs['val_accuracy'][-1]:.3f}"
            )

        try:
            logs = train_playground_model(
                self.data, self.build_model, c["optimizer"].value, c["learning_rate"].value, c["batch_size"].value, epochs,
                n_train=self.n_train, on_epoch_end=show,
            )
        except Exception as err:
            self.status.value = f'<span style="color:#b3261e">학습 실패(failed): {html.escape(f"{type(err).__name__}: {err}")}</span>'
            self.error.value = f'<pre style="color:#b3261e; white-space:pre-wrap">{html.escape(traceback.format_exc())}</pre>'
            raise  # 노트북 셀에서 부른 경우(run_now=True)에는 셀도 실패로 보이게
        finally:
            self.button.disabled = False
        self.status.value += " (완료)"
        return logs

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def training_playground(data: Any, build_model: Callable[[], Any], run_now: bool = False) -> TrainingPlayground:
    """학습 놀이터 위젯(TrainingPlayground)을 만든다. build_model은 노트북에서 정의한, 모델을 돌려주는 함수.

    run_now=True면 만들자마자 기본 설정으로 한 번 학습한다(정적 사이트에 결과 그림을 남길 때).
    """
    playground = TrainingPlayground(data, build_model)
    if run_now:
        playground.run()
    return playground

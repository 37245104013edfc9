"""5장의 위젯: 옵티마이저, 학습률, 배치 크기를 골라 작은 학습을 돌려 보는 학습 놀이터."""

from __future__ import annotations

import html
import io
import numbers
import traceback
from collections.abc import Callable
from typing import Any

from mnist_course.widgets._image import image_html
from mnist_course.widgets.iterations import positive_int

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
        self.chart = w.HTML()  # alt가 있는 학습 곡선 <img>(mnist_course.widgets._image)
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
            summary = f"에포크 {epoch + 1}/{epochs}: 훈련 정확도 {logs['accuracy'][-1]:.3f}, 검증 정확도 {logs['val_accuracy'][-1]:.3f}"
            self.chart.value = image_html(history_png(logs, epochs), f"학습 곡선 그래프(에포크별 정확도와 손실), {summary}")
            self.status.value = summary

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

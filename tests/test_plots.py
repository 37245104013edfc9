"""mnist_course.plots: 한글 글꼴로 경고 없이 그려지는지."""

from __future__ import annotations

import warnings

import matplotlib
import pytest

matplotlib.use("Agg")

from mnist_course.environment import _use_korean_font  # noqa: E402
from mnist_course.plots import _history_series, plot_history  # noqa: E402

NEW_STYLE = {"accuracy": [0.5, 0.7, 0.8], "loss": [1.0, 0.6, 0.4], "val_accuracy": [0.6, 0.7, 0.75], "val_loss": [0.8, 0.7, 0.6]}
OLD_STYLE = {"acc": [0.9, 0.95], "loss": [0.3, 0.2]}


class FakeHistory:
    """keras.callbacks.History처럼 .history 속성만 가진 객체."""

    def __init__(self, logs: dict[str, list[float]]) -> None:
        self.history = logs


def test_series_reads_both_key_styles() -> None:
    assert _history_series(NEW_STYLE, "accuracy") == [0.5, 0.7, 0.8]
    assert _history_series(OLD_STYLE, "accuracy") == [0.9, 0.95]
    assert _history_series(OLD_STYLE, "accuracy", validation=True) is None
    assert _history_series(FakeHistory(NEW_STYLE), "loss", validation=True) == [0.8, 0.7, 0.6]
    with pytest.raises(KeyError, match=r"accuracy 값이 없습니다.*\['loss'\]"):
        _history_series({"loss": [1.0]}, "accuracy")


def test_plot_without_warnings_and_with_korean_labels() -> None:
    _use_korean_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 글리프(glyph) 누락 경고도 오류가 된다
        fig = plot_history([NEW_STYLE, FakeHistory(OLD_STYLE)], labels=["새 키", "옛 키"], title="비교")
        fig.canvas.draw()
    acc_ax, loss_ax = fig.axes
    assert acc_ax.get_xlabel() == "에포크(epoch)"
    assert acc_ax.get_ylabel() == "정확도(accuracy)"
    legend = [t.get_text() for t in acc_ax.get_legend().get_texts()]
    assert legend == ["새 키 훈련(train)", "새 키 검증(validation)", "옛 키 훈련(train)"]
    assert len(loss_ax.lines) == 3
    matplotlib.pyplot.close(fig)


def test_plot_label_count_must_match() -> None:
    with pytest.raises(ValueError, match="labels가 1개인데 histories는 2개"):
        plot_history([NEW_STYLE, NEW_STYLE], labels=["하나"])

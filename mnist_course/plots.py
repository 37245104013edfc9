"""학습 곡선 그리기."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# 지표(metric) 이름 -> (한글 이름, Keras 로그에서 찾을 키 후보)
METRICS = {
    "accuracy": ("정확도(accuracy)", ("accuracy", "acc")),
    "loss": ("손실(loss)", ("loss",)),
}


def _history_series(history: Any, metric: str, validation: bool = False) -> list[float] | None:
    """Keras History(또는 그 .history 딕셔너리)에서 한 지표의 에포크별 값을 꺼낸다.

    'acc'와 'accuracy' 어느 이름으로 기록되었든 찾는다. 검증 값이 없으면 None.
    """
    logs: Mapping[str, Sequence[float]] = getattr(history, "history", history)
    if metric not in METRICS:
        raise ValueError(f"metric={metric!r}: {list(METRICS)} 중 하나여야 합니다.")
    prefix = "val_" if validation else ""
    for key in METRICS[metric][1]:
        if prefix + key in logs:
            return list(logs[prefix + key])
    if validation:
        return None
    raise KeyError(
        f"학습 기록(history)에 {metric} 값이 없습니다. 있는 키(keys): {sorted(logs)}. "
        "compile(metrics=['accuracy'])로 지표를 지정했는지 확인하세요."
    )


def plot_history(
    histories: Any,
    labels: Sequence[str] | None = None,
    metrics: Sequence[str] = ("accuracy", "loss"),
    title: str | None = None,
) -> Figure:
    """훈련(실선)과 검증(점선) 곡선을 지표마다 한 칸씩 그린다.

    histories는 History 하나 또는 여러 개의 리스트이고, labels는 범례에 쓸 모델 이름이다.
    """
    if not isinstance(histories, (list, tuple)):
        histories = [histories]
    if labels is None:
        labels = [""] if len(histories) == 1 else [f"모델 {i + 1}" for i in range(len(histories))]
    if len(labels) != len(histories):
        raise ValueError(f"labels가 {len(labels)}개인데 histories는 {len(histories)}개입니다. 개수를 맞추세요.")

    fig, axes = plt.subplots(1, len(metrics), figsize=(5.5 * len(metrics), 4), squeeze=False)
    for ax, metric in zip(axes[0], metrics, strict=True):
        for i, (history, label) in enumerate(zip(histories, labels, strict=True)):
            color = f"C{i}"
            name = f"{label} " if label else ""
            train = _history_series(history, metric)
            epochs = range(1, len(train) + 1)
            ax.plot(epochs, train, color=color, marker="o", ms=3, label=f"{name}훈련(train)")
            val = _history_series(history, metric, validation=True)
            if val is not None:
                ax.plot(epochs, val, color=color, ls="--", marker="s", ms=3, label=f"{name}검증(validation)")
        ax.set_xlabel("에포크(epoch)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel(METRICS[metric][0])
        ax.set_title(METRICS[metric][0])
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig

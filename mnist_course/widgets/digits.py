"""4장의 위젯: 슬라이더로 MNIST 이미지를 골라 정답과 모델의 예측을 보는 숫자 보기."""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np

from mnist_course.widgets._image import image_html
from mnist_course.widgets.iterations import positive_int

DIGIT_PIXELS = 28


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
    picture = w.HTML()  # alt가 있는 <img>(mnist_course.widgets._image)
    info = w.HTML()

    def update(_: Any = None) -> None:
        i = slider.value
        picture.value = image_html(digit_png(images[i]), f"{i}번 이미지: 손글씨 숫자, 정답 레이블 {int(labels[i])}")
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

"""장(chapter)마다 되풀이되는 MNIST 전처리(preprocessing)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

NUM_CLASSES = 10
VALIDATION_SIZE = 10000


class PreparedMnist(NamedTuple):
    """훈련 50,000 / 검증 10,000 / 테스트 10,000으로 나눈 MNIST."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def scale_images(images: np.ndarray) -> np.ndarray:
    """0~255 uint8 픽셀을 0~1 float32로 바꾼다."""
    if images.dtype != np.uint8:
        raise TypeError(f"scale_images: uint8 이미지를 기대했지만 dtype이 {images.dtype}입니다. 이미 스케일했나요?")
    return images.astype("float32") / 255.0


def add_channel_axis(images: np.ndarray) -> np.ndarray:
    """(N, 28, 28)을 (N, 28, 28, 1)로: 흑백 채널(channel) 축을 붙인다."""
    if images.ndim != 3:
        raise ValueError(f"add_channel_axis: (N, 높이, 너비) 3차원 배열을 기대했지만 shape이 {images.shape}입니다.")
    return images[..., np.newaxis]


def _one_hot(labels: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """정수 레이블(label)을 길이 num_classes의 원-핫(one-hot) 벡터로 바꾼다."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError(f"prepare_mnist: 1차원 정수 레이블 배열을 기대했지만 shape이 {labels.shape}입니다.")
    if labels.min() < 0 or labels.max() >= num_classes:
        raise ValueError(f"prepare_mnist: 레이블은 0~{num_classes - 1}이어야 하는데 {labels.min()}~{labels.max()}가 있습니다.")
    return np.eye(num_classes, dtype="float32")[labels]


def _split_validation(
    x: np.ndarray, y: np.ndarray, val_size: int = VALIDATION_SIZE
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """앞쪽을 훈련(train), 마지막 val_size개를 검증(validation)으로 나눈다: (x_train, y_train, x_val, y_val)."""
    if len(x) != len(y):
        raise ValueError(f"prepare_mnist: 이미지 {len(x)}개와 레이블 {len(y)}개의 개수가 다릅니다.")
    if not 0 < val_size < len(x):
        raise ValueError(f"prepare_mnist: val_size={val_size}는 1 이상 {len(x) - 1} 이하여야 합니다.")
    cut = len(x) - val_size
    return x[:cut], y[:cut], x[cut:], y[cut:]


def prepare_mnist(train: tuple[np.ndarray, np.ndarray], test: tuple[np.ndarray, np.ndarray]) -> PreparedMnist:
    """4장의 전처리를 한 번에: 0~1 스케일, 채널 축, 원-핫 레이블, 50,000/10,000 분할."""
    (x_train, y_train), (x_test, y_test) = train, test
    x_train = add_channel_axis(scale_images(x_train))
    x_test = add_channel_axis(scale_images(x_test))
    x_tr, y_tr, x_val, y_val = _split_validation(x_train, _one_hot(y_train))
    return PreparedMnist(x_tr, y_tr, x_val, y_val, x_test, _one_hot(y_test))

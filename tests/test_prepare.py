"""mnist_course.prepare: 스케일, 채널 축, 원-핫, 분할."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_course.prepare import _one_hot, _split_validation, add_channel_axis, prepare_mnist, scale_images


def test_scale_images() -> None:
    x = np.array([[0, 51, 255]], dtype=np.uint8)
    scaled = scale_images(x)
    assert scaled.dtype == np.float32
    np.testing.assert_allclose(scaled, [[0.0, 0.2, 1.0]])
    with pytest.raises(TypeError, match="uint8 이미지를 기대.*float32"):
        scale_images(scaled)


def test_add_channel_axis() -> None:
    assert add_channel_axis(np.zeros((4, 28, 28))).shape == (4, 28, 28, 1)
    with pytest.raises(ValueError, match=r"shape이 \(4, 28, 28, 1\)"):
        add_channel_axis(np.zeros((4, 28, 28, 1)))


def test_one_hot() -> None:
    encoded = _one_hot(np.array([7, 0]))
    assert encoded.shape == (2, 10)
    assert encoded[0].tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    assert encoded.sum() == 2
    with pytest.raises(ValueError, match="0~9이어야 하는데 3~10"):
        _one_hot(np.array([3, 10]))
    with pytest.raises(ValueError, match="1차원 정수 레이블"):
        _one_hot(np.zeros((2, 10)))


def test_split_validation() -> None:
    x, y = np.arange(10), np.arange(10) * 10
    x_tr, y_tr, x_val, y_val = _split_validation(x, y, val_size=3)
    assert x_tr.tolist() == list(range(7))
    assert x_val.tolist() == [7, 8, 9]
    assert y_val.tolist() == [70, 80, 90]
    with pytest.raises(ValueError, match="이미지 10개와 레이블 9개"):
        _split_validation(x, y[:9])
    with pytest.raises(ValueError, match="val_size=10"):
        _split_validation(x, y, val_size=10)


def test_prepare_mnist_shapes() -> None:
    rng = np.random.default_rng(1)
    train = (rng.integers(0, 256, (60000, 28, 28), dtype=np.uint8), rng.integers(0, 10, 60000))
    test = (rng.integers(0, 256, (10000, 28, 28), dtype=np.uint8), rng.integers(0, 10, 10000))
    data = prepare_mnist(train, test)
    shapes = {name: array.shape for name, array in data._asdict().items()}
    assert shapes == {
        "x_train": (50000, 28, 28, 1),
        "y_train": (50000, 10),
        "x_val": (10000, 28, 28, 1),
        "y_val": (10000, 10),
        "x_test": (10000, 28, 28, 1),
        "y_test": (10000, 10),
    }
    assert data.x_val[0, 5, 5, 0] == np.float32(train[0][50000, 5, 5] / 255)
    assert data.y_train[3].argmax() == train[1][3]


def test_prepare_mnist_names_itself_in_label_errors() -> None:
    """잘못된 레이블의 오류는 학습자가 부른 함수(prepare_mnist)의 이름으로 말하고, 내부 함수 이름은 보이지 않는다."""
    images = np.zeros((20, 28, 28), dtype=np.uint8)
    with pytest.raises(ValueError, match="prepare_mnist: 레이블은 0~9이어야 하는데 0~10") as info:
        prepare_mnist((images, np.arange(20) % 11), (images, np.zeros(20, dtype=int)))
    assert "_one_hot" not in str(info.value)

"""mnist_course.widgets: 위젯을 코드로 움직여(값 바꾸기, 버튼 누르기) 출력이 따라 바뀌는지 확인한다."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from mnist_course import widgets as wd


def test_count_iterations() -> None:
    assert wd.count_iterations(50000, 1000) == (50, 50, 1000)
    assert wd.count_iterations(50000, 32, epochs=2) == (1563, 3126, 16)
    assert wd.count_iterations(10, 10) == (1, 1, 10)
    with pytest.raises(ValueError, match="batch_size=0: 1 이상의 정수"):
        wd.count_iterations(100, 0)


def test_iteration_calculator_follows_inputs() -> None:
    box = wd.iteration_calculator()
    n, batch, epochs, result = box.children
    assert "<b>1,563</b>" in result.value and "<b>16</b>개짜리" in result.value
    batch.value = 1000
    assert "<b>50</b>번" in result.value and "나누어떨어집니다" in result.value
    epochs.value = 3
    assert "<b>150</b>번" in result.value
    n.value = 1001
    assert "<b>2</b>번" in result.value and "<b>1</b>개짜리" in result.value


def test_quiz_feedback() -> None:
    box = wd.iteration_quiz()
    answer, button = box.children[1].children
    feedback = box.children[2]
    answer.value = 50
    button.click()
    assert "정답입니다" in feedback.value
    answer.value = 50000
    button.click()
    assert "데이터 수" in feedback.value
    answer.value = 20
    button.click()
    assert "20보다 더 큽니다" in feedback.value


def test_digit_browser_changes_with_slider() -> None:
    import keras

    rng = np.random.default_rng(0)
    images = rng.random((5, 28, 28, 1), dtype=np.float32)
    labels = np.eye(10, dtype="float32")[[3, 1, 4, 1, 5]]
    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
    box = wd.digit_browser(images, labels, model=model, index=2)
    slider = box.children[0]
    picture, info = box.children[1].children
    assert "정답 레이블(label): <b>4</b>" in info.value and "모델의 상위 예측" in info.value
    first_png = bytes(picture.value)
    assert first_png.startswith(b"\x89PNG")
    slider.value = 4
    assert "<b>4번</b>" in info.value and "<b>5</b>" in info.value
    assert bytes(picture.value) != first_png
    with pytest.raises(ValueError, match="이미지 5개와 레이블 4개"):
        wd.digit_browser(images, labels[:4])


def test_playground_default_run_under_a_minute(real_mnist_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """실제 MNIST로 기본 설정 학습: 1분 안에 끝나고, 진행 막대와 그림이 에포크마다 갱신된다."""
    from mnist_course import load_mnist, prepare_mnist, setup_notebook

    monkeypatch.setenv("MNIST_COURSE_DATA", str(real_mnist_dir))
    setup_notebook()
    data = prepare_mnist(*load_mnist())
    box = wd.training_playground(data)
    progress = box.children[1].children[1]
    status, chart = box.children[2], box.children[3]
    start = time.perf_counter()
    logs = box.run()
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"기본 설정 학습에 {elapsed:.0f}초 걸렸습니다"
    assert progress.value == progress.max == 5
    assert len(logs["val_accuracy"]) == 5 and logs["val_accuracy"][-1] > 0.85
    assert "(완료)" in status.value and bytes(chart.value).startswith(b"\x89PNG")
    box.controls["optimizer"].value = "SGD"
    box.controls["epochs"].value = 1
    assert len(box.run()["loss"]) == 1 and progress.max == 1

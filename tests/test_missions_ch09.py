"""9장 도전 미션(CNN): 파라미터 50,000개 이하의 CNN이 검증 정확도 99.2%를 냈는지. 테스트 정확도로는 채점하지 않는다."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from tests.mission_kit import TASKS, block_data, dense_model, fails, functional, keras, layers, passes, run_solution, sequential
from tools.chapter_code import chapter_function


@pytest.fixture(scope="module")
def small_cnn() -> keras.Model:
    """풀이 예시의 작은 CNN(파라미터 36,330개): 풀이 문자열의 모델 부분을 그대로 실행한다."""
    namespace: dict[str, Any] = {"keras": keras}
    exec(TASKS["CNN"].solution.split("my_cnn.compile")[0], namespace)
    return namespace["my_cnn"]


def chapter9_cnn() -> keras.Model:
    """9장의 CNN 그대로(파라미터 158,570개): 장의 build_cnn 정의 셀에서 꺼낸다."""
    return chapter_function("09", "build_cnn")()


def record(val: float, key: str = "accuracy") -> dict[str, list[float]]:
    return {key: [0.98, 0.99], "loss": [0.1, 0.05], f"val_{key}": [0.98, val], "val_loss": [0.1, 0.05]}


def test_cnn_accepts_every_correct_form(capsys: pytest.CaptureFixture[str], small_cnn: keras.Model) -> None:
    assert small_cnn.count_params() == 36_330
    out = passes(capsys, "CNN", small_cnn, record(0.9941))
    assert "36,330" not in out and "검증 정확도" in out
    passes(capsys, "CNN", small_cnn, record(float(np.float32(0.992))))  # float32로 잰 99.2%도 목표에 닿은 것
    passes(capsys, "CNN", small_cnn, record(0.995, key="acc"))
    with_softmax_layer = functional(
        layers.Conv2D(8, 3, activation="relu"), layers.GlobalAveragePooling2D(), layers.Dense(10), layers.Softmax()
    )
    passes(capsys, "CNN", with_softmax_layer, record(0.995, key="sparse_categorical_accuracy"))


def test_cnn_grades_validation_not_test_accuracy(small_cnn: keras.Model) -> None:
    fails("숫자가 들어왔습니다.*검증 정확도로 판단", "CNN", small_cnn, 0.9941)
    fails("숫자가 들어왔습니다", "CNN", small_cnn, [0.03, 0.994])
    message = fails(r"검증 정확도\(0.9919\)가 목표 0.992에 못 미칩니다", "CNN", small_cnn, record(0.99199))
    assert "0.9920" not in message  # 반올림해 목표에 닿은 것처럼 보이지 않게 내림해 보인다
    fails("검증 지표", "CNN", small_cnn, {"accuracy": [0.99], "loss": [0.1]})
    fails(r"학습 기록\(History\)이 아닙니다. 받은 것: 문자열", "CNN", small_cnn, "0.994")
    fails(r"학습 기록\(History\)이 아닙니다. 받은 것: 참거짓 값 True", "CNN", small_cnn, True)


def test_cnn_names_each_model_mistake() -> None:
    message = fails("158,570개로 한도 50,000개를 넘습니다. 가장 큰 층은 dense", "CNN", chapter9_cnn(), record(0.995))
    assert "131,200개" in message
    fails(r"합성곱 층\(Conv2D\)이 하나도 없습니다", "CNN", dense_model(), record(0.995))
    sigmoid_out = sequential(layers.Conv2D(8, 3), layers.GlobalAveragePooling2D(), layers.Dense(10, activation="sigmoid"))
    fails(r"활성화 함수\(activation\)가 sigmoid", "CNN", sigmoid_out, record(0.995))
    fails(
        r"출력 모양이 \(None, 2\)",
        "CNN",
        sequential(layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(2, activation="softmax")),
        record(0.995),
    )
    unbuilt = keras.Sequential([layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(10, activation="softmax")])
    fails("built=False", "CNN", unbuilt, record(0.995))
    fails("받은 것: 문자열", "CNN", "my_cnn", record(0.995))


def test_cnn_solution_text_passes(capsys: pytest.CaptureFixture[str]) -> None:
    import tensorflow as tf

    data = block_data(n=1280, seed=10)
    epochs, batch = 3, 128
    keras.utils.set_random_seed(10)
    names = {
        "EPOCHS": epochs,
        "schedule": keras.optimizers.schedules.CosineDecay(0.003, decay_steps=math.ceil(1280 / batch) * epochs),
        "train_batches": tf.data.Dataset.from_tensor_slices((data.x_train, data.labels_train)).shuffle(1280, seed=10).batch(batch),
        "x_val": data.x_val,
        "y_val": data.labels_val,
    }
    run_solution("CNN", names)
    passes(capsys, "CNN", names["my_cnn"], names["my_history"])

"""미션 채점기 테스트의 공용 도구: 실패·통과 확인, 작은 모델, 몇 초 만에 배울 수 있는 작은 가짜 데이터.

가짜 데이터는 MNIST와 모양이 같고(28×28), 숫자 k의 이미지에는 k번 자리의 4×4 칸만 밝다.
칸 사이가 7픽셀이라 2픽셀쯤 옮겨도(9장의 이동 증강) 다른 숫자로 보이지 않고, 작은 모델도 몇 에포크 만에 다 맞힌다.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from mnist_course.environment import import_tensorflow_quietly

import_tensorflow_quietly()
import keras  # noqa: E402

from mnist_course.missions import TASKS, MissionCheckError, check  # noqa: E402
from tools.chapter_code import chapter_function  # noqa: E402

layers = keras.layers


def fails(match: str, task_id: str, *answers: Any) -> str:
    """check(task_id, *answers)가 MissionCheckError를 내고 메시지에 match(정규식)가 있는지 보고, 메시지를 돌려준다."""
    with pytest.raises(MissionCheckError, match=match) as info:
        check(task_id, *answers)
    message = str(info.value)
    assert message.startswith(f"[미션 {task_id}] ") and f'hint("{task_id}")' in message
    assert "check_" not in message and "_common" not in message  # 내부 함수 이름을 말하지 않는다
    return message


def passes(capsys: pytest.CaptureFixture[str], task_id: str, *answers: Any) -> str:
    check(task_id, *answers)
    out = capsys.readouterr().out
    assert out.startswith(f"통과 [{task_id}] ") and out.count("\n") == 1, out
    return out


def sequential(*stack: Any, input_shape: tuple[int, ...] = (28, 28, 1)) -> keras.Model:
    return keras.Sequential([keras.Input(shape=input_shape), *stack])


def functional(*stack: Any, input_shape: tuple[int, ...] = (28, 28, 1)) -> keras.Model:
    """같은 층들을 함수형(functional) API로 이은 모델."""
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for layer in stack:
        x = layer(x)
    return keras.Model(inputs, x)


def dense_model(hidden: int = 50, activation: Any = "relu", out_activation: Any = "softmax") -> keras.Model:
    return sequential(layers.Flatten(), layers.Dense(hidden, activation=activation), layers.Dense(10, activation=out_activation))


def compiled(
    model: keras.Model, optimizer: Any = "adam", loss: Any = "categorical_crossentropy", metrics: Any = ("accuracy",)
) -> keras.Model:
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


# 5장 풀이의 build_base_model 그대로(노트북의 정의 셀에서 꺼낸다: 장을 고치면 테스트도 따라간다)
build_base_model = chapter_function("05", "build_base_model")


def block_images(labels: np.ndarray, seed: int, channel: bool = True) -> np.ndarray:
    """숫자 k의 이미지: k번 자리의 4×4 칸이 밝고, 나머지는 옅은 잡음."""
    rng = np.random.default_rng(seed)
    images = rng.random((len(labels), 28, 28), dtype=np.float32) * 0.1
    for i, k in enumerate(labels):
        row, col = 2 + 7 * (k // 4), 2 + 7 * (k % 4)
        images[i, row : row + 4, col : col + 4] = 1.0
    return images[..., None] if channel else images


def block_data(n: int = 320, seed: int = 0) -> SimpleNamespace:
    """prepare_mnist()의 결과처럼 쓰는 작은 데이터: x_train, y_train(원-핫), x_val, y_val, 정수 레이블 labels_train/labels_val."""
    rng = np.random.default_rng(seed)
    labels_train, labels_val = rng.integers(0, 10, n), rng.integers(0, 10, n // 4)
    return SimpleNamespace(
        x_train=block_images(labels_train, seed + 1),
        y_train=keras.utils.to_categorical(labels_train, 10),
        x_val=block_images(labels_val, seed + 2),
        y_val=keras.utils.to_categorical(labels_val, 10),
        labels_train=labels_train,
        labels_val=labels_val,
    )


def run_solution(task_id: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """solution(task_id)가 보여 주는 코드를 그대로 실행한다(출력은 숨긴다)."""
    import contextlib
    import io

    namespace.setdefault("keras", keras)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(TASKS[task_id].solution, namespace)
    return namespace

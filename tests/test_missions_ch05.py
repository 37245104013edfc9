"""5장 미션 1: M1-1(기본 모델, 활성화 함수와 옵티마이저는 자유)과 M1-2(SGD 세 설정, 한 번에 하나씩)의 채점."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from mnist_course.missions import ch05
from tests.mission_kit import (
    block_data,
    build_base_model,
    compiled,
    dense_model,
    fails,
    functional,
    keras,
    layers,
    passes,
    run_solution,
    sequential,
)

tf_nn = pytest.importorskip("tensorflow").nn


@pytest.fixture(scope="module")
def data() -> Any:
    return block_data()


@pytest.fixture(autouse=True)
def small_train_size(monkeypatch: pytest.MonkeyPatch, data: Any) -> None:
    """채점기는 배치 크기를 '에포크당 업데이트 수 = 훈련 장수 ÷ 배치 크기'로 본다. 테스트 데이터의 장수로 맞춘다."""
    monkeypatch.setattr(ch05, "TRAIN_SIZE", len(data.x_train))


def fit(model: keras.Model, data: Any, epochs: int = 10, batch_size: int = 32, **kwargs: Any) -> keras.callbacks.History:
    kwargs.setdefault("validation_data", (data.x_val, data.y_val))
    return model.fit(data.x_train, data.y_train, epochs=epochs, batch_size=batch_size, verbose=0, **kwargs)


# ---------------------------------------------------------------- M1-1


CORRECT_MODELS = {
    "책의 풀이(문자열)": lambda: compiled(dense_model()),
    "함수형 API + Activation 층": lambda: compiled(
        functional(layers.Flatten(), layers.Dense(50), layers.Activation("relu"), layers.Dense(10, "softmax"))
    ),
    "tf.nn 함수와 손실·지표 객체": lambda: compiled(
        dense_model(activation=tf_nn.relu, out_activation=tf_nn.softmax),
        optimizer=keras.optimizers.RMSprop(),
        loss=keras.losses.CategoricalCrossentropy(),
        metrics=[keras.metrics.CategoricalAccuracy()],
    ),
    "tanh + Nadam + acc": lambda: compiled(dense_model(activation="tanh"), optimizer="nadam", metrics=["acc"]),
    "모멘텀 SGD + gelu + Softmax 층": lambda: compiled(
        sequential(layers.Flatten(), layers.Dense(50, activation="gelu"), layers.Dense(10), layers.Softmax()),
        optimizer=keras.optimizers.SGD(0.1, momentum=0.9),
    ),
    "AdamW + ReLU 층": lambda: compiled(
        sequential(layers.Flatten(), layers.Dense(50), layers.ReLU(), layers.Dense(10, activation="softmax")), optimizer="adamw"
    ),
}


@pytest.mark.parametrize("name", CORRECT_MODELS)
def test_m1_1_accepts_every_correct_model(capsys: pytest.CaptureFixture[str], name: str) -> None:
    out = passes(capsys, "M1-1", CORRECT_MODELS[name]())
    assert "Dense(50" not in out and "relu" not in out and "adam" not in out.lower()  # 통과 줄은 답을 되풀이하지 않는다


MODEL_MISTAKES = {
    "시그모이드\\(sigmoid\\)입니다. 4장": lambda: compiled(dense_model(activation="sigmoid")),
    "뉴런이 15개입니다. \\(4장의 15개": lambda: compiled(dense_model(15)),
    "평균 제곱 오차": lambda: compiled(dense_model(), loss="mse"),
    "sparse_categorical_crossentropy는 레이블이 정수": lambda: compiled(dense_model(), loss="sparse_categorical_crossentropy"),
    "모멘텀 없는 SGD, 곧 4장의 설정": lambda: compiled(dense_model(), optimizer="sgd"),
    "Adam의 학습률\\(learning rate\\)이 0.5": lambda: compiled(dense_model(), optimizer=keras.optimizers.Adam(0.5)),
    "정확도가 학습 기록에 남지 않습니다": lambda: compiled(dense_model(), metrics=[]),
    "똑같은지": lambda: compiled(dense_model(), metrics=[keras.metrics.Accuracy()]),
    "은닉층\\(hidden layer\\) Dense\\(50, softmax\\)에 소프트맥스": lambda: compiled(dense_model(activation="softmax")),
    "은닉층에 활성화 함수가 없습니다": lambda: compiled(dense_model(activation=None)),
    "은닉층\\(hidden layer\\)이 없습니다": lambda: compiled(sequential(layers.Flatten(), layers.Dense(10, activation="softmax"))),
    "빼야 할 층: Dropout\\(0.5\\)": lambda: compiled(
        sequential(layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.5), layers.Dense(10, activation="softmax"))
    ),
    "from_logits=True": lambda: compiled(dense_model(), loss=keras.losses.CategoricalCrossentropy(from_logits=True)),
    "compile하지 않았습니다": lambda: dense_model(),
    "입력 모양\\(input shape\\)이 \\(28, 28\\)": lambda: compiled(
        sequential(layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dense(10, activation="softmax"), input_shape=(28, 28))
    ),
    "출력층\\(Dense\\(10, sigmoid\\)\\)의 활성화 함수": lambda: compiled(dense_model(out_activation="sigmoid")),
    "Flatten 층이 없습니다": lambda: compiled(
        sequential(layers.Dense(50, activation="relu"), layers.Flatten(), layers.Dense(10, activation="softmax"))
    ),
}


@pytest.mark.parametrize("match", MODEL_MISTAKES)
def test_m1_1_names_each_model_mistake(match: str) -> None:
    fails(match, "M1-1", MODEL_MISTAKES[match]())


@pytest.fixture(scope="module")
def trained(data: Any) -> tuple[keras.Model, keras.callbacks.History]:
    keras.utils.set_random_seed(1)
    model = compiled(dense_model(), metrics=["acc"])  # "acc"로 compile해도 학습 기록을 읽는다
    return model, fit(model, data)


def test_m1_1_grades_the_training_record(capsys: pytest.CaptureFixture[str], trained: tuple, data: Any) -> None:
    model, history = trained
    assert "학습 기록" in passes(capsys, "M1-1", model, history)
    passes(capsys, "M1-1", model, history.history)  # history.history(딕셔너리)도 된다
    fails("에포크가 3개", "M1-1", model, {"acc": [0.9] * 3, "val_acc": [0.99] * 3, "loss": [0.1] * 3, "val_loss": [0.1] * 3})
    fails(r"마지막 검증 정확도\(0.9499\)가 목표 0.95보다", "M1-1", model, {"accuracy": [0.9] * 10, "val_accuracy": [0.94999] * 10})
    fails("검증 지표", "M1-1", model, {"accuracy": [0.9] * 10, "loss": [0.1] * 10})
    other = compiled(dense_model())
    fails("넘겨준 모델의 것이 아닙니다", "M1-1", other, history)
    fails("학습 기록\\(History\\)이 아닙니다. 받은 것: 문자열", "M1-1", model, "my_history")


def test_m1_1_checks_epochs_and_batch_size(data: Any) -> None:
    model = compiled(dense_model())
    fails("업데이트를 5번 했습니다", "M1-1", model, fit(model, data, epochs=10, batch_size=64))
    model = compiled(dense_model())
    fails("학습한 에포크가 2개", "M1-1", model, fit(model, data, epochs=2))


def test_m1_1_solution_text_passes(capsys: pytest.CaptureFixture[str], data: Any) -> None:
    keras.utils.set_random_seed(2)
    names = run_solution("M1-1", {"data": data})
    passes(capsys, "M1-1", names["my_model"], names["my_history"])


# ---------------------------------------------------------------- M1-2


def sgd_run(data: Any, optimizer: Any, **kwargs: Any) -> keras.callbacks.History:
    return fit(compiled(build_base_model(), optimizer=optimizer), data, **kwargs)


@pytest.fixture(scope="module")
def three(data: Any) -> list[keras.callbacks.History]:
    keras.utils.set_random_seed(3)
    optimizers = ["sgd", keras.optimizers.SGD(learning_rate=0.1), keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)]
    return [sgd_run(data, optimizer) for optimizer in optimizers]


def test_m1_2_accepts_any_order_and_form(capsys: pytest.CaptureFixture[str], three: list, data: Any) -> None:
    out = passes(capsys, "M1-2", three)
    assert "0.9" not in out and "SGD(" not in out
    passes(capsys, "M1-2", list(reversed(three)))
    passes(capsys, "M1-2", {"기본": three[0], "학습률": three[1], "모멘텀": three[2]})
    passes(capsys, "M1-2", tuple(three))


def test_m1_2_names_each_mistake(three: list, data: Any) -> None:
    original = sgd_run(data, keras.optimizers.SGD(0.1, momentum=0.1), epochs=1)
    fails(r"SGD\(학습률 0.1, 모멘텀 0.1\)는 미션의 세 설정 가운데 어느 것도 아닙니다. 원래 강의", "M1-2", [three[0], three[1], original])
    fails(
        r"SGD\(학습률 0.01, 모멘텀 0.1\)는", "M1-2", [three[0], three[1], sgd_run(data, keras.optimizers.SGD(0.01, momentum=0.1), epochs=1)]
    )
    fails("학습 기록이 2개", "M1-2", three[:2])
    fails("설정의 기록이 두 개", "M1-2", [three[0], sgd_run(data, "sgd", epochs=1), three[2]])
    fails("옵티마이저가 Adam인 기록", "M1-2", [three[0], three[1], sgd_run(data, "adam", epochs=1)])
    fails("하나만 들어왔습니다", "M1-2", three[0])
    fails(r"History\)을 그대로", "M1-2", [h.history for h in three])
    fails("학습 기록 목록\\(list\\)이 아닙니다", "M1-2", "my_histories")


def test_m1_2_checks_the_training_conditions(three: list, data: Any) -> None:
    short = sgd_run(data, keras.optimizers.SGD(0.01, momentum=0.9), epochs=3)
    fails("3 에포크를 학습했습니다", "M1-2", [three[0], three[1], short])
    no_val = sgd_run(data, keras.optimizers.SGD(0.01, momentum=0.9), validation_data=None)
    fails(r"검증 손실\(val_loss\)이 없습니다", "M1-2", [three[0], three[1], no_val])
    big_batch = sgd_run(data, keras.optimizers.SGD(0.01, momentum=0.9), batch_size=64)
    fails("업데이트를 5번 했습니다", "M1-2", [three[0], three[1], big_batch])
    model = compiled(build_base_model(), optimizer="sgd")
    first = fit(model, data)
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="categorical_crossentropy", metrics=["accuracy"])
    fails("같은 모델을 이어서", "M1-2", [first, fit(model, data), three[2]])


def test_m1_2_solution_text_passes(capsys: pytest.CaptureFixture[str], data: Any) -> None:
    names = run_solution("M1-2", {"data": data, "build_base_model": build_base_model})
    passes(capsys, "M1-2", names["my_histories"])
    assert np.isfinite([h.history["val_loss"][-1] for h in names["my_histories"]]).all()

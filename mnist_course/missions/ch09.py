"""9장 도전 미션: 파라미터 50,000개 이하의 CNN으로 검증 정확도 99.2%(CNN).

설계를 고르는 미션이므로 검증 정확도로 채점한다. 테스트 데이터는 고른 모델을 마지막에 한 번 재는 데만 쓴다(6장).
"""

from __future__ import annotations

import numbers
from typing import Any

from mnist_course.missions._common import (
    MissionTask,
    check_softmax_output,
    describe,
    fail,
    flat_layers,
    history_log,
    keras_module,
    passed,
    reaches,
    require_model,
    require_validation,
    short,
)

MAX_PARAMS, MIN_VAL_ACCURACY = 50_000, 0.992


def _check_model(task: str, model: Any) -> None:
    keras = keras_module()
    require_model(task, model)
    if not any(isinstance(layer, keras.layers.Conv2D) for layer in flat_layers(model)):
        fail(task, f"합성곱 층(Conv2D)이 하나도 없습니다. 이 미션은 CNN, 곧 합성곱 층이 있는 모델로 풉니다. 지금 모델: {describe(model)}")
    check_softmax_output(task, model)
    params = model.count_params()
    if params > MAX_PARAMS:
        biggest = max(flat_layers(model), key=lambda layer: layer.count_params())
        fail(
            task,
            f"파라미터(parameter)가 {params:,}개로 한도 {MAX_PARAMS:,}개를 넘습니다. 가장 큰 층은 {biggest.name}"
            f"({biggest.count_params():,}개)입니다. 어느 층이 파라미터를 많이 쓰는지 model.summary()로 보고 줄여 보세요.",
        )


def check_cnn_mission(model: Any, history: Any) -> None:
    """도전 미션: 합성곱 층이 있는 모델이 파라미터 50,000개 이하로, 검증 데이터에서 마지막 에포크 정확도 0.992 이상을 냈는지.

    history는 model.fit(..., validation_data=(x_val, y_val))이 돌려준 학습 기록이다. 확인 함수는 평가를 다시 하지 않는다.
    """
    task = "CNN"
    _check_model(task, model)
    is_number = isinstance(history, numbers.Number) and not isinstance(history, bool)
    if is_number or isinstance(history, (list, tuple)) and history and isinstance(history[0], numbers.Number):
        fail(
            task,
            "숫자가 들어왔습니다. 이 미션은 설계를 고르는 일이라 테스트 정확도가 아니라 검증 정확도로 판단합니다. "
            "fit에 validation_data=(x_val, y_val)를 주고, fit이 돌려준 학습 기록(history)을 넘겨 주세요.",
        )
    log = history_log(task, history, model=model)
    val_key = require_validation(task, log)
    final = float(log[val_key][-1])
    if not reaches(final, MIN_VAL_ACCURACY):
        fail(
            task,
            f"마지막 에포크의 검증 정확도({short(final)})가 목표 {MIN_VAL_ACCURACY}에 못 미칩니다. 모델 구조는 조건을 지켰으니 "
            "학습 설정(에포크 수, 학습률 스케줄, 배치 크기)이나 층의 배치를 바꿔 보세요.",
        )
    passed(
        task,
        f"CNN 미션: 합성곱 층, 파라미터 {MAX_PARAMS:,}개 이하, 10개 클래스 확률 출력, 검증 정확도 {MIN_VAL_ACCURACY} 이상을 확인했습니다.",
    )


TASKS = [
    MissionTask(
        "CNN",
        "9장 도전 미션: 파라미터 50,000개 이하로 99.2%",
        check_cnn_mission,
        (
            """파라미터가 어느 층에 몰려 있는지부터 보세요. model.summary()가 층마다 개수를 알려 줍니다.
합성곱 층은 가중치를 공유해서 가볍습니다.""",
            """이 장의 CNN은 파라미터가 158,570개이고, 그중 131,200개가 Flatten 뒤의 Dense(128) 층에 있습니다.
합성곱 층은 가중치를 공유해서 가볍습니다. 파라미터를 어디에서 아낄 수 있을지 model.summary()로 층별 개수를 보며 생각해 보세요.
학습 설정(Adam + 코사인 감쇠, 배치 128의 train_batches)은 이 장의 것을 그대로 써도 됩니다.
fit에 validation_data=(x_val, y_val)를 주고, 그 학습 기록을 넘깁니다. 확인: check("CNN", my_cnn, my_history)""",
        ),
        """# 한 가지 예: 이 장의 CNN에서 Dense(128) 층을 빼면 파라미터가 36,330개가 됩니다.
my_cnn = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.RandomTranslation(0.08, 0.08, fill_mode="constant"),
        keras.layers.Conv2D(16, kernel_size=5, activation="relu"),
        keras.layers.MaxPooling2D(pool_size=2),
        keras.layers.Conv2D(64, kernel_size=5, activation="relu"),
        keras.layers.MaxPooling2D(pool_size=2),
        keras.layers.Flatten(),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="my_cnn",
)
my_cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule),
               loss="sparse_categorical_crossentropy", metrics=["accuracy"], steps_per_execution=16)
my_history = my_cnn.fit(train_batches, epochs=EPOCHS, validation_data=(x_val, y_val), shuffle=False, verbose=2)""",
    ),
]

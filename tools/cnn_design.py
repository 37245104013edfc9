"""9장 CNN 설계 비교(관리자용): 훈련 데이터의 앞 55,000장으로 학습하고 마지막 5,000장(검증 데이터)으로 잰다.

    python -m tools.cnn_design B 1          # 설계 B, 시드 1 → JSON 한 줄(검증 정확도, fit 초, 파라미터 수)
    python -m tools.cnn_design B 1 --full   # 60,000장으로 학습하고 테스트 10,000장으로 잰다(설계를 고른 뒤에만)

9장의 설계는 이 스크립트의 결과(tools/cnn_design_results.jsonl)로 골랐다: 모델은 B(이동 증강 + 8 에포크, 시드 1과 2),
최종 예측은 P(B 두 개의 앙상블)에 테스트 시간 증강(tta)을 더한 것(아래).
그 결과를 잴 때 다른 작업(시드 스윕)이 함께 돌던 때가 많아서, fit 초는 설계끼리 대강 비교하는 데만 쓴다.
M, N(3×3 합성곱 두 개로 더 깊게), T, U(3×3 합성곱 네 개의 넓은 모델, 배치 256), V(회전·확대 증강 더하기),
B64(배치 64), R5(학습률 0.005), SH(이동 최대 3픽셀)는 검증 정확도에서 B보다 꾸준히 낫지 않았다.
P256, P256R4(P를 배치 256으로, 학습률 0.003과 0.004)는 시드 1, 2만 쟀다. P256R4가 P보다 검증 이미지 1장, 4장 더 맞혔지만
시드 두 개로 가릴 수 있는 차이가 아니고, fit도 모델 하나에 1~2초밖에 줄지 않아 배치 128을 그대로 두었다.
결과의 tta, tta8은 같은 모델(앙상블이면 모델들)로 검증 이미지를 1픽셀 옮긴 사본까지 예측해 확률을 평균한 정확도다
(테스트 시간 증강: 원본 + 4방향, 원본 + 8방향). 지금의 입력 방식으로 잰 P(시드 1~6)에서 tta가 앙상블보다 낮은 시드가 없어
9장의 최종 예측은 P + tta(4방향)다. 배열 입력으로 잰 예전 P에서는 엇갈렸다(9장 본문에 두 결과를 모두 적었다).
결과에 "pipeline": "tf.data"가 있으면 9장과 같은 입력(tf.data 데이터셋 + steps_per_execution=16, 2026-12-02부터),
없으면 예전 입력(fit에 배열)으로 잰 것이다. 입력 방식은 섞는 난수만 바꾸고 학습 내용은 같다.
S는 9장 도전 미션의 풀이(Dense(128)을 뺀 36,330개짜리)이고, --full로 시드 1~5의 테스트 정확도를 재어 미션 목표(0.992)를 정했다.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time

from tools.chapter_code import chapter_function


def build(
    chapter: bool = False,
    augment: bool = False,
    batch_norm: bool = False,
    first_filters: int = 16,
    dense: int = 128,
    norm_after_pool: bool = False,
    deep: bool = False,
    wide: bool = False,
    rotate: float = 0.0,
    zoom: float = 0.0,
    shift: float = 0.08,
) -> object:
    """9장 모델의 변형: 이동 증강(RandomTranslation), 배치 정규화(BatchNormalization: 활성화 앞, 또는 풀링 뒤), 첫 층 필터 수,
    deep=True이면 두 번째 5×5 합성곱 대신 3×3 합성곱 두 개, wide=True이면 두 블록 모두 3×3 합성곱 두 개(32, 64 필터).
    chapter=True이면 9장의 build_cnn() 그대로(노트북의 정의 셀에서 꺼낸다). build(augment=True)는 그것과 같은 층이다
    (tests/test_chapter_code.py가 확인: 변형들이 9장 모델과 한 가지씩만 다르게)."""
    import keras

    if chapter:
        return chapter_function("09", "build_cnn")()

    layers = keras.layers
    stack: list = [keras.Input((28, 28, 1))]
    if augment:
        stack.append(layers.RandomTranslation(shift, shift, fill_mode="constant"))
    if rotate:  # 회전 각도의 상한(도)
        stack.append(layers.RandomRotation(rotate / 360, fill_mode="constant"))
    if zoom:
        stack.append(layers.RandomZoom(zoom, fill_mode="constant"))
    blocks = [[(first_filters, 5)], [(64, 3), (64, 3)] if deep else [(64, 5)]]
    if wide:
        blocks = [[(32, 3), (32, 3)], [(64, 3), (64, 3)]]
    for block in blocks:
        for filters, size in block:
            stack.append(layers.Conv2D(filters, size, activation=None if batch_norm else "relu"))
            if batch_norm:
                stack += [layers.BatchNormalization(), layers.Activation("relu")]
        stack.append(layers.MaxPooling2D(2))
        if norm_after_pool:
            stack.append(layers.BatchNormalization())
    stack.append(layers.Flatten())
    if dense:  # dense=0: 9장 도전 미션처럼 펼친 특징에서 바로 출력층으로
        stack.append(layers.Dense(dense, activation="relu"))
    stack += [layers.Dropout(0.5), layers.Dense(10, activation="softmax")]
    return keras.Sequential(stack)


# A: 이전 판의 9장, 나머지: 비교한 다른 설계. 값은 (모델 설정, 에포크 수[, 학습 설정]).
# 학습 설정의 기본값은 배치 128, 학습률 0.003, 레이블 스무딩 없음.
CONFIGS = {
    "A": ({}, 6),
    "B": ({"chapter": True}, 8),
    "C": ({"batch_norm": True}, 6),
    "D": ({"augment": True, "batch_norm": True}, 8),
    "E": ({"augment": True, "first_filters": 32}, 8),
    "G": ({"augment": True}, 10),
    "H": ({"augment": True}, 12),
    "I": ({"augment": True}, 8, {"smoothing": 0.1}),  # 레이블 스무딩(label smoothing) 0.1
    "J": ({"augment": True, "dense": 256}, 10),
    "K": ({"augment": True, "norm_after_pool": True}, 10),
    "L": ({"augment": True, "first_filters": 32}, 10),
    "M": ({"augment": True, "first_filters": 32, "deep": True}, 8),
    "N": ({"augment": True, "deep": True}, 8),
    "S": ({"augment": True, "dense": 0}, 8),  # 9장 도전 미션(파라미터 50,000개 이하)의 풀이
    "P": ({"chapter": True}, 8),  # B 두 개의 앙상블(ensemble)
    "T": ({"augment": True, "wide": True}, 4, {"batch": 256}),
    "U": ({"augment": True, "wide": True}, 5, {"batch": 256}),
    "V": ({"augment": True, "rotate": 10, "zoom": 0.1}, 8),  # B + 회전 ±10°, 확대·축소 ±10 %
    "B64": ({"augment": True}, 8, {"batch": 64}),  # B를 배치 64로
    "R5": ({"augment": True}, 8, {"rate": 0.005}),  # B를 학습률 0.005로
    "SH": ({"augment": True, "shift": 0.11}, 8),  # B의 이동을 최대 약 3픽셀로
    "P256": ({"augment": True}, 8, {"batch": 256}),  # P를 배치 256으로(이터레이션 수는 절반)
    "P256R4": ({"augment": True}, 8, {"batch": 256, "rate": 0.004}),  # P256을 학습률 0.004로
}
ENSEMBLE = {"P": 2, "P256": 2, "P256R4": 2}  # 여기 없는 설계는 모델 하나


def chapter_batches(x: object, y: object, batch_size: int, autotune: bool = False) -> object:
    """9장과 같은 입력(2026-12-02부터): 전체를 섞고 → 배치로 → 다음 배치 하나를 미리 준비하는 tf.data 데이터셋.

    fit은 에포크마다 이 데이터셋을 다시 읽어 새로 섞는다. 자동 조정(autotune)은 나중에 껐다: 섞는 순서와 결과는 같고,
    에포크가 바뀔 때의 멈춤만 없앤다(9장 "기다림 줄이기"). autotune=True는 끄기 전의 입력(prefetch(AUTOTUNE))이다.
    """
    import tensorflow as tf

    batches = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x)).batch(batch_size)
    if autotune:
        return batches.prefetch(tf.data.AUTOTUNE)
    options = tf.data.Options()
    options.autotune.enabled = False
    return batches.with_options(options).prefetch(1)


NEIGHBOURS = ((-1, 0), (1, 0), (0, -1), (0, 1))
DIAGONALS = ((-1, -1), (-1, 1), (1, -1), (1, 1))


def shifted_views(images: object, moves: tuple = NEIGHBOURS) -> list:
    """테스트 시간 증강(test-time augmentation)용: moves의 (dy, dx)만큼 1픽셀 옮긴 사본들(빈 곳은 0)."""
    import numpy as np

    padded = np.pad(images, ((0, 0), (1, 1), (1, 1), (0, 0)))
    return [padded[:, 1 + dy : 29 + dy, 1 + dx : 29 + dx] for dy, dx in moves]


def main() -> None:
    name, seed, full = sys.argv[1], int(sys.argv[2]), "--full" in sys.argv
    os.environ["MNIST_COURSE_SEED"] = str(seed)
    from mnist_course import add_channel_axis, load_mnist, scale_images, setup_notebook

    setup_notebook()
    import keras

    (x_train, y_train), (x_test, y_test) = load_mnist()
    x_train, x_test = add_channel_axis(scale_images(x_train)), add_channel_axis(scale_images(x_test))
    if not full:  # 설계를 고르는 동안에는 테스트 데이터를 쓰지 않는다
        x_test, y_test, x_train, y_train = x_train[55000:], y_train[55000:], x_train[:55000], y_train[:55000]
    options, epochs, *training = CONFIGS[name]
    training = {"batch": 128, "rate": 0.003, "smoothing": 0.0, **(training[0] if training else {})}
    if training["smoothing"]:  # 레이블 스무딩은 원-핫 레이블이 필요하다
        y_train, y_test = keras.utils.to_categorical(y_train, 10), keras.utils.to_categorical(y_test, 10)
        loss = keras.losses.CategoricalCrossentropy(label_smoothing=training["smoothing"])
    else:
        loss = "sparse_categorical_crossentropy"
    labels = y_test.argmax(axis=1) if y_test.ndim == 2 else y_test
    steps = math.ceil(len(x_train) / training["batch"]) * epochs
    fit, members, probabilities, shifted, diagonal = 0.0, [], 0.0, 0.0, 0.0
    for _ in range(ENSEMBLE.get(name, 1)):
        model = build(**options)
        schedule = keras.optimizers.schedules.CosineDecay(training["rate"], steps)
        model.compile(optimizer=keras.optimizers.Adam(schedule), loss=loss, metrics=["accuracy"], steps_per_execution=16)
        batches = chapter_batches(x_train, y_train, training["batch"])
        start = time.perf_counter()
        model.fit(batches, epochs=epochs, verbose=0, shuffle=False)
        fit += time.perf_counter() - start
        predicted = model.predict(x_test, verbose=0)  # 모델 하나의 정확도와 앙상블 평균을 같은 예측에서
        members.append(round(float((predicted.argmax(axis=1) == labels).mean()), 4))
        probabilities = probabilities + predicted
        shifted = shifted + predicted + sum(model.predict(view, verbose=0) for view in shifted_views(x_test))
        diagonal = diagonal + sum(model.predict(view, verbose=0) for view in shifted_views(x_test, DIAGONALS))
    accuracy = float((probabilities.argmax(axis=1) == labels).mean())
    result = {"cfg": name, "seed": seed, "full": full, "acc": round(accuracy, 4), "fit": round(fit, 1), "pipeline": "tf.data"}
    result["tta"] = round(float((shifted.argmax(axis=1) == labels).mean()), 4)  # 원본 + 1픽셀 이동 4방향의 평균
    result["tta8"] = round(float(((shifted + diagonal).argmax(axis=1) == labels).mean()), 4)  # 대각선 4방향까지 8방향
    if len(members) > 1:
        result["members"] = members
    result["params"] = model.count_params() * len(members)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

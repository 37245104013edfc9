"""8장 CNN 한 에포크의 학습 시간을 입력 방식 세 가지로 잰다(관리자용, 8장 "기다림 줄이기"의 근거).

    python tools/fit_speed.py            # 방식마다 3번씩 번갈아 재고 JSON 한 줄씩

1. arrays: fit(x_train, y_train, batch_size=128), 이전 판의 8장
2. dataset: 미리 묶어 둔 tf.data 데이터셋(섞기 → 배치 → prefetch)
3. dataset + steps_per_execution=16: 8장의 방식

모델은 tools/ch8_design.py의 설계 B(8장의 build_cnn()과 같은 층), 학습 설정(Adam 0.003, 배치 128)도 8장과 같다.
방식마다 새 모델을 만들어 한 에포크 먼저 돌린 뒤(준비 운동) 다음 에포크를 잰다.
시간은 기계가 얼마나 바쁜지에 따라 흔들리므로, 같은 실행 안에서 번갈아 잰 값끼리만 비교한다.
"""

from __future__ import annotations

import json
import os
import time

WAYS = ("arrays", "dataset", "dataset + steps_per_execution=16")


def main() -> None:
    os.environ.setdefault("MNIST_COURSE_SEED", "1")
    from mnist_course import add_channel_axis, load_mnist, scale_images, setup_notebook

    setup_notebook()
    import keras
    import tensorflow as tf
    from ch8_design import build  # 같은 tools/ 폴더: python tools/fit_speed.py로 부르면 찾는다

    from mnist_course.bench import environment_info

    (x_train, y_train), _ = load_mnist()
    x_train = add_channel_axis(scale_images(x_train))
    print(json.dumps({"env": environment_info()}, ensure_ascii=False), flush=True)
    for repetition in (1, 2, 3):
        for way in WAYS:
            model = build(augment=True)  # 8장의 CNN(설계 B)
            model.compile(
                optimizer=keras.optimizers.Adam(0.003),
                loss="sparse_categorical_crossentropy",
                metrics=["accuracy"],
                steps_per_execution=16 if "steps" in way else 1,
            )
            if way == "arrays":
                data = {"x": x_train, "y": y_train, "batch_size": 128}
            else:
                batches = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(len(x_train)).batch(128)
                data = {"x": batches.prefetch(tf.data.AUTOTUNE)}
            model.fit(epochs=1, verbose=0, **data)  # 준비 운동(그래프 만들기)
            start = time.perf_counter()
            model.fit(epochs=1, verbose=0, **data)
            seconds = time.perf_counter() - start
            print(json.dumps({"way": way, "repetition": repetition, "epoch_seconds": round(seconds, 2)}), flush=True)


if __name__ == "__main__":
    main()

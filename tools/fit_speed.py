"""9장 CNN의 에포크별 학습 시간을 입력 방식 세 가지로 잰다(관리자용, 9장 "기다림 줄이기"의 근거).

    python -m tools.fit_speed            # 방식마다 2번씩 번갈아, fit 한 번에 6 에포크, JSON 한 줄씩

1. arrays: fit(x_train, y_train, batch_size=128), 이전 판의 9장
2. dataset + steps_per_execution=16: 미리 묶어 둔 tf.data 데이터셋(섞기 → 배치 → prefetch), 2026-12-02 판의 9장
3. dataset + steps_per_execution=16 + autotune off: 2와 같되 데이터셋의 자동 조정(autotune)을 끈다, 지금의 9장

모델은 tools/cnn_design.py의 설계 B(9장의 build_cnn()과 같은 층), 학습 설정(Adam 0.003, 배치 128)도 9장과 같다.
첫 에포크는 그래프를 만드는 시간이 섞이므로 기록에서 뺀다(epoch_seconds는 2~6번째 에포크).
에포크가 시작할 때 5초쯤 아무 일도 하지 않고 멈추는 일이 자동 조정을 켠 데이터셋에서 가끔 생긴다(9장 본문).
시간은 기계가 얼마나 바쁜지에 따라 흔들리므로, 같은 실행 안에서 번갈아 잰 값끼리만 비교한다.
"""

from __future__ import annotations

import json
import os
import time

WAYS = ("arrays", "dataset + steps_per_execution=16", "dataset + steps_per_execution=16 + autotune off")
EPOCHS = 6


def main() -> None:
    os.environ.setdefault("MNIST_COURSE_SEED", "1")
    from mnist_course import add_channel_axis, load_mnist, scale_images, setup_notebook

    setup_notebook()
    import keras

    from tools.bench_kernel import environment_info
    from tools.cnn_design import build, chapter_batches

    class EpochClock(keras.callbacks.Callback):
        """에포크가 끝날 때마다 시각을 적는다(ends[0]은 fit이 시작할 때)."""

        def on_train_begin(self, logs: dict | None = None) -> None:
            self.ends = [time.perf_counter()]

        def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
            self.ends.append(time.perf_counter())

    (x_train, y_train), _ = load_mnist()
    x_train = add_channel_axis(scale_images(x_train))
    print(json.dumps({"env": environment_info(), "epochs_per_fit": EPOCHS}, ensure_ascii=False), flush=True)
    for repetition in (1, 2):
        for way in WAYS:
            model = build(augment=True)  # 9장의 CNN(설계 B)
            model.compile(
                optimizer=keras.optimizers.Adam(0.003),
                loss="sparse_categorical_crossentropy",
                metrics=["accuracy"],
                steps_per_execution=16 if "steps" in way else 1,
            )
            if way == "arrays":
                data = {"x": x_train, "y": y_train, "batch_size": 128}
            else:
                batches = chapter_batches(x_train, y_train, 128, autotune="autotune off" not in way)
                data = {"x": batches, "shuffle": False}
            clock = EpochClock()
            model.fit(epochs=EPOCHS, verbose=0, callbacks=[clock], **data)
            seconds = [round(b - a, 2) for a, b in zip(clock.ends[:-1], clock.ends[1:], strict=True)][1:]
            print(json.dumps({"way": way, "repetition": repetition, "epoch_seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()

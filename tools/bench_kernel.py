"""벤치마크가 장 노트북의 커널 안에서 부르는 것: 통과한 check_range 값 모으기와 마지막 보고(JSON 한 줄).

학습자가 쓰는 mnist_course.checks는 벤치마크를 전혀 모른다. 벤치마크(tools/bench.py)가 복사본의 맨 앞에
record_figures(), 맨 끝에 kernel_report(globals(), 약속)를 넣는다.

학습 처리율(GFLOP/s)을 잴 장은 노트북 메타데이터 "mnist_course_bench"에 어떤 변수가 무엇인지 적어 둔다(약속, contract):

    {"fit": {"model": "model", "seconds": "train_seconds", "epochs": "EPOCHS", "images": "x_train",
             "more_seconds": ["second_seconds"]}}

model은 학습한 Keras 모델, seconds는 fit의 초, epochs는 에포크 수, images는 학습 이미지 배열(len만 쓴다),
more_seconds는 같은 장의 다른 fit들(합계만 보고). 적힌 이름이 커널에 없으면 조용히 빼지 않고 BenchContractError를 낸다.
tests/test_bench.py가 약속의 이름이 노트북에서 실제로 정의되는지 확인한다.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

FIGURES: list[dict] = []  # (커널 안에서) 이번 장에서 통과한 check_range 값들
MATMUL_SIZE = 1024
CONTRACT_KEY = "mnist_course_bench"
FIT_FIELDS = ("model", "seconds", "epochs", "images")


class BenchContractError(KeyError):
    """노트북 메타데이터의 약속에 적힌 변수가 커널에 없거나, 약속의 모양이 틀렸다."""


def record_figures() -> None:
    """check_range를 감싸, 통과한 값을 FIGURES에 모은다."""
    import mnist_course
    import mnist_course.checks

    original = mnist_course.checks.check_range

    def recording(name: str, value: float, lo: float, hi: float) -> None:
        original(name, value, lo, hi)
        FIGURES.append({"name": name, "value": float(value), "lo": lo, "hi": hi})

    mnist_course.check_range = mnist_course.checks.check_range = recording


def environment_info() -> dict:
    """CPU 이름, 코어 수, TensorFlow/Keras 버전, oneDNN이 켜졌는지(TensorFlow를 이미 불러온 커널에서)."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "?")
    info = {"cpu": cpu, "cores": os.cpu_count()}
    if "tensorflow" in sys.modules:
        import keras
        import tensorflow as tf
        from tensorflow.python.util import _pywrap_util_port

        info.update(tensorflow=tf.__version__, keras=keras.__version__, onednn=bool(_pywrap_util_port.IsMklEnabled()))
    return info


def training_flops_per_image(model: object) -> int:
    """층 모양에서 센, 이미지 한 장의 학습(순전파 + 역전파) 부동소수점 연산 수.

    Conv2D와 Dense의 순전파는 곱셈-덧셈 2연산 × 출력 원소 × 입력 채널(× 커널 넓이). 역전파는 가중치 기울기와
    입력 기울기가 각각 순전파만큼이고, 맨 앞 층은 입력 기울기가 필요 없다: 합계 = 3 × 순전파 - 맨 앞 층의 순전파.
    풀링, 활성화, 드롭아웃처럼 곱셈이 없는 층은 세지 않는다.
    """
    import keras

    forward = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            _, height, width, _ = layer.output.shape
            kh, kw, cin, cout = layer.kernel.shape
            forward.append(2 * height * width * kh * kw * cin * cout)
        elif isinstance(layer, keras.layers.Dense):
            fan_in, fan_out = layer.kernel.shape
            forward.append(2 * fan_in * fan_out)
    return 3 * sum(forward) - (forward[0] if forward else 0)


def matmul_gflops(seconds: float = 3.0) -> float:
    """같은 기계의 한계 어림: TensorFlow float32 1024×1024 행렬 곱을 seconds초 동안 되풀이한 GFLOP/s."""
    import tensorflow as tf

    a = tf.random.normal((MATMUL_SIZE, MATMUL_SIZE))
    b = tf.random.normal((MATMUL_SIZE, MATMUL_SIZE))
    tf.linalg.matmul(a, b).numpy()  # 준비 운동
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        c = tf.linalg.matmul(a, b)
        count += 1
    c.numpy()
    return 2 * MATMUL_SIZE**3 * count / (time.perf_counter() - start) / 1e9


def fit_values(namespace: dict, contract: dict) -> dict | None:
    """약속(contract["fit"])에 적힌 이름으로 커널의 값을 읽는다. 약속이 없으면 None, 이름이 없으면 BenchContractError."""
    fit = contract.get("fit")
    if fit is None:
        return None
    names = [fit.get(field) for field in FIT_FIELDS] + list(fit.get("more_seconds", []))
    if not all(isinstance(name, str) and name for name in names):
        raise BenchContractError(f"{CONTRACT_KEY}.fit: {', '.join(FIT_FIELDS)}에 변수 이름(문자열)을 적어야 합니다: {fit!r}")
    missing = [name for name in names if name not in namespace]
    if missing:
        raise BenchContractError(
            f"{CONTRACT_KEY}.fit: 노트북에 {', '.join(missing)}이(가) 없습니다. 장의 변수 이름을 바꿨다면 메타데이터의 약속도 고치세요."
        )
    values = {field: namespace[fit[field]] for field in FIT_FIELDS}
    values["more_seconds"] = [namespace[name] for name in fit.get("more_seconds", [])]
    return values


def kernel_report(namespace: dict, contract: dict | None = None) -> str:
    """모은 값, 최대 메모리, 환경, 그리고 약속이 있으면 학습의 GFLOP/s와 같은 자리에서 잰 행렬 곱 GFLOP/s(JSON 한 줄)."""
    import resource

    report = {"peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "figures": FIGURES, "env": environment_info()}
    fit = fit_values(namespace, contract or {})
    if fit is not None:
        flops = training_flops_per_image(fit["model"])
        images = len(fit["images"]) * fit["epochs"]
        fit_gflops = flops * images / fit["seconds"] / 1e9
        matmul = matmul_gflops()
        report["fit"] = {"seconds": fit["seconds"], "mflop_per_image": flops / 1e6, "images": images,
                         "gflops": fit_gflops, "matmul_gflops": matmul, "ratio": fit_gflops / matmul}
        if fit["more_seconds"]:  # 9장 앙상블의 두 번째 모델
            report["fit"]["total_seconds"] = fit["seconds"] + sum(fit["more_seconds"])
    return json.dumps(report, ensure_ascii=False)

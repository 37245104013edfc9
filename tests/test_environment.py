"""mnist_course.environment: 시드, 그리고 TensorFlow 시작 로그가 정말 숨겨지는지."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from mnist_course.environment import _get_seed

SETUP_AND_TRAIN = """
from mnist_course import setup_notebook
seed = setup_notebook()
import numpy as np, keras
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.ones((8, 4)), np.ones((8, 2)), epochs=1, verbose=0)
import matplotlib
print(seed, matplotlib.rcParams["font.family"], matplotlib.rcParams["axes.unicode_minus"])
"""


@pytest.mark.parametrize(("value", "seed"), [(None, 42), ("7", 7), ("0", 0), (str(2**32 - 1), 2**32 - 1), (" 12 ", 12)])
def test_seed_comes_from_the_environment_with_inclusive_bounds(monkeypatch: pytest.MonkeyPatch, value: str | None, seed: int) -> None:
    if value is None:
        monkeypatch.delenv("MNIST_COURSE_SEED", raising=False)
    else:
        monkeypatch.setenv("MNIST_COURSE_SEED", value)
    assert _get_seed() == seed


BAD_SEEDS = {
    "seven": r"시드\(seed\)는 정수여야 합니다\(integer, 0 ~ 4294967295\)",
    "": r"시드\(seed\)는 정수여야 합니다",
    "1.5": r"시드\(seed\)는 정수여야 합니다",
    "-1": r"시드\(seed\)는 0 이상 4294967295\(2\*\*32 - 1\) 이하",
    str(2**32): r"시드\(seed\)는 0 이상 4294967295",
    "99999999999999999999": r"시드\(seed\)는 0 이상 4294967295",
}


@pytest.mark.parametrize("value", BAD_SEEDS)
def test_a_bad_seed_names_the_variable_and_the_rule(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("MNIST_COURSE_SEED", value)
    with pytest.raises(ValueError, match=rf"MNIST_COURSE_SEED={value!r}: {BAD_SEEDS[value]}"):
        _get_seed()


# 책이 약속하는 것: TensorFlow 시작 로그(C++ 로그 줄, oneDNN·CUDA 안내)도 파이썬 경고도 보이지 않는다.
STARTUP_LOG = re.compile(r"oneDNN|cuda|cpu_feature_guard|absl::InitializeLog|^[IWEF]\d{4} ", re.M | re.I)
PYTHON_WARNING = re.compile(r"\w*Warning\b|WARNING")


@pytest.mark.slow  # TensorFlow를 새 프로세스에서 불러온다
def test_setup_notebook_hides_startup_log_and_warnings() -> None:
    """새 프로세스에서 TensorFlow를 불러오고 학습해도 시작 로그나 경고가 찍히지 않는다."""
    result = subprocess.run(
        [sys.executable, "-c", SETUP_AND_TRAIN],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "MNIST_COURSE_SEED": "3", "HOME": "/tmp"},
    )
    assert result.returncode == 0, result.stderr
    assert not STARTUP_LOG.search(result.stderr), result.stderr
    assert not PYTHON_WARNING.search(result.stderr), result.stderr
    assert result.stdout.split() == ["3", "['NanumGothic']", "False"]

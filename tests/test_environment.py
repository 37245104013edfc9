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


def test_seed_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MNIST_COURSE_SEED", raising=False)
    assert _get_seed() == 42
    monkeypatch.setenv("MNIST_COURSE_SEED", "7")
    assert _get_seed() == 7
    monkeypatch.setenv("MNIST_COURSE_SEED", "seven")
    with pytest.raises(ValueError, match="MNIST_COURSE_SEED='seven': 시드\\(seed\\)는 정수"):
        _get_seed()


@pytest.mark.parametrize("value", ["-1", str(2**32), "99999999999999999999"])
def test_seed_out_of_range_names_the_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("MNIST_COURSE_SEED", value)
    with pytest.raises(ValueError, match=rf"MNIST_COURSE_SEED='{value}': 시드\(seed\)는 0 이상 4294967295\(2\*\*32 - 1\) 이하"):
        _get_seed()


@pytest.mark.parametrize("value", ["abc", "", "1.5"])
def test_seed_not_an_integer(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("MNIST_COURSE_SEED", value)
    with pytest.raises(ValueError, match=r"MNIST_COURSE_SEED=.*: 시드\(seed\)는 정수여야 합니다\(integer, 0 ~ 4294967295\)"):
        _get_seed()


def test_seed_bounds_are_inclusive(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in (0, 2**32 - 1):
        monkeypatch.setenv("MNIST_COURSE_SEED", str(value))
        assert _get_seed() == value


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

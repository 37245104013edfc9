"""테스트 공용 설정."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def real_mnist_dir() -> Path:
    """원본 MNIST 폴더(MNIST_COURSE_DATA). CI에서는 반드시 있어야 하고, 없으면 실패한다."""
    folder = os.environ.get("MNIST_COURSE_DATA")
    if not folder:
        if os.environ.get("CI"):
            pytest.fail("CI에서는 MNIST_COURSE_DATA가 설정되어 있어야 합니다 (.ci/run 참고).")
        pytest.skip("MNIST_COURSE_DATA가 없어 실제 MNIST 파일 테스트를 건너뜁니다.")
    return Path(folder)

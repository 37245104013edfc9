"""테스트 공용 설정: 실제 MNIST를 어디서 가져오는지."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from tests.book_files import skip_or_fail


@pytest.fixture(scope="session")
def _keras_mnist_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MNIST_COURSE_DATA가 없을 때: Keras가 내려받은(또는 캐시해 둔) MNIST를 검증한 뒤 mnist.npz로 써 둔 폴더."""
    from mnist_course import MnistDataError, load_mnist

    try:
        (x_train, y_train), (x_test, y_test) = load_mnist()
    except MnistDataError as err:
        skip_or_fail(f"실제 MNIST가 없습니다: {err}")
    folder = tmp_path_factory.mktemp("keras-mnist")
    np.savez(folder / "mnist.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    return folder


@pytest.fixture
def real_mnist_dir(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Path:
    """원본 MNIST가 든 폴더. MNIST_COURSE_DATA가 있으면 그 폴더, 없으면 Keras의 내려받기(GitHub 러너처럼).

    테스트와 그 테스트가 띄우는 커널이 같은 데이터를 쓰도록 MNIST_COURSE_DATA를 이 폴더로 맞춘다.
    """
    folder = os.environ.get("MNIST_COURSE_DATA") or str(request.getfixturevalue("_keras_mnist_dir"))
    monkeypatch.setenv("MNIST_COURSE_DATA", folder)
    return Path(folder)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """실제 MNIST를 쓰는 테스트는 느린 테스트(slow)다: `make check`(pytest -m "not slow")는 건너뛰고 `make test`는 돌린다."""
    for item in items:
        if "real_mnist_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)

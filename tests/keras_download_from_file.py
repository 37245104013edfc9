"""pytest 플러그인(-p tests.keras_download_from_file): Keras의 MNIST 내려받기를 로컬 파일 복사로 바꾸고,
실제 MNIST를 쓰는 테스트만 돌린다.

인터넷이 없는 곳에서 GitHub 러너(MNIST_COURSE_DATA 없이 Keras가 내려받는 곳)를 흉내 낼 때만 쓴다.
복사할 파일은 환경 변수 MNIST_COURSE_FAKE_DOWNLOAD가 가리키는 mnist.npz.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

SOURCE_ENV = "MNIST_COURSE_FAKE_DOWNLOAD"
downloads: list[str] = []


def pytest_configure(config: object) -> None:
    from mnist_course.environment import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    def get_file(fname: str, origin: str, **_: object) -> str:
        """Keras의 get_file처럼 캐시 폴더(KERAS_HOME/datasets)에 파일을 두고 그 경로를 돌려준다."""
        target = Path(os.environ["KERAS_HOME"]) / "datasets" / fname
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(os.environ[SOURCE_ENV], target)
            downloads.append(origin)
        return str(target)

    keras.utils.get_file = get_file  # mnist_course.data가 부르는 내려받기


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ANN001
    """실제 MNIST(real_mnist_dir)를 쓰는 테스트만 남긴다."""
    keep = [item for item in items if "real_mnist_dir" in getattr(item, "fixturenames", ())]
    config.hook.pytest_deselected(items=[item for item in items if item not in keep])
    items[:] = keep


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    terminalreporter.write_line(f"가짜 내려받기(fake download): {len(downloads)}번 {sorted(set(downloads))}")

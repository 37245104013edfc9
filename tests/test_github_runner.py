"""GitHub Pages 워크플로의 러너처럼: CI=true인데 MNIST_COURSE_DATA도 ../shared도 없고, MNIST는 Keras가 내려받는 곳.

실제 MNIST가 필요한 테스트들이 그런 곳에서도 건너뛰거나 실패하지 않는지, 별도의 pytest로 돌려 본다.
인터넷이 없으니 Keras의 내려받기만 로컬 파일 복사로 바꾼다(tests/keras_download_from_file.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

from tests.book_files import ROOT

# 실제 MNIST(real_mnist_dir)를 쓰는 테스트들(플러그인이 골라낸다). 이 파일 자신은 뺀다. 설치 검사(test_local_install)도 뺀다:
# 그 테스트는 데이터를 폴더 이름으로 넘겨 장 하나를 돌릴 뿐이고, 파이썬 네 버전의 설치를 한 번 더 하면 몇 분이 더 든다.
DATA_TESTS = ["tests", "--ignore=tests/test_github_runner.py", "--ignore=tests/test_local_install.py"]
MIN_DATA_TESTS = 4  # 지금 있는 것: MNIST 두 형식, 벤치마크, 학습 놀이터


def fresh_checkout(target: Path) -> Path:
    """저장소의 파일(.gitignore에 걸리는 것 빼고)만 옮긴 작업 폴더: 옆에 shared/가 없다."""
    listing = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    files = subprocess.run(listing, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def test_data_tests_pass_on_the_pages_runner(real_mnist_dir: Path, tmp_path: Path) -> None:
    from mnist_course import load_mnist

    (x_train, y_train), (x_test, y_test) = load_mnist()
    download = tmp_path / "download" / "mnist.npz"
    download.parent.mkdir()
    np.savez(download, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    checkout = fresh_checkout(tmp_path / "checkout")
    assert not (checkout.parent / "shared").exists()

    env = {k: v for k, v in os.environ.items() if k != "MNIST_COURSE_DATA"}
    env.update(CI="true", KERAS_HOME=str(tmp_path / "keras"), MNIST_COURSE_FAKE_DOWNLOAD=str(download))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.keras_download_from_file", "-q", "-rfEs", *DATA_TESTS],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    summary = output.strip().splitlines()[-1]
    assert result.returncode == 0, output[-4000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= MIN_DATA_TESTS and not re.search(r"skipped|failed|error", summary), summary
    assert "가짜 내려받기(fake download): 1번" in output, "Keras의 내려받기 경로를 거치지 않았습니다"

"""mnist_course.data: IDX 읽기, 폴더/npz 불러오기, 오류 메시지."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mnist_course.data import IMAGE_MAGIC, LABEL_MAGIC, MnistDataError, load_mnist, read_idx

ROOT = Path(__file__).resolve().parent.parent


def idx_bytes(array: np.ndarray, magic: int) -> bytes:
    header = magic.to_bytes(4, "big") + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_idx(path: Path, array: np.ndarray, magic: int) -> Path:
    data = idx_bytes(array, magic)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def write_small_set(folder: Path, n_train: int = 6, n_train_labels: int = 6, gz: bool = True) -> None:
    rng = np.random.default_rng(0)
    ext = ".gz" if gz else ""
    write_idx(folder / f"train-images-idx3-ubyte{ext}", rng.integers(0, 256, (n_train, 28, 28)), IMAGE_MAGIC)
    write_idx(folder / f"train-labels-idx1-ubyte{ext}", rng.integers(0, 10, n_train_labels), LABEL_MAGIC)
    write_idx(folder / f"t10k-images-idx3-ubyte{ext}", rng.integers(0, 256, (3, 28, 28)), IMAGE_MAGIC)
    write_idx(folder / f"t10k-labels-idx1-ubyte{ext}", rng.integers(0, 10, 3), LABEL_MAGIC)


@pytest.fixture
def data_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("MNIST_COURSE_DATA", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("name", ["images-idx3-ubyte", "images-idx3-ubyte.gz"])
def test_read_idx_round_trip(tmp_path: Path, name: str) -> None:
    images = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    result = read_idx(write_idx(tmp_path / name, images, IMAGE_MAGIC), IMAGE_MAGIC)
    assert result.dtype == np.uint8
    np.testing.assert_array_equal(result, images)
    result[0, 0, 0] = 1  # Keras 배열처럼 고쳐 쓸 수 있어야 한다
    labels = read_idx(write_idx(tmp_path / "l", np.array([3, 1, 4]), LABEL_MAGIC), LABEL_MAGIC)
    assert labels.tolist() == [3, 1, 4]


def test_read_idx_wrong_magic(tmp_path: Path) -> None:
    path = write_idx(tmp_path / "labels", np.array([1, 2]), LABEL_MAGIC)
    with pytest.raises(MnistDataError, match=r"labels: 매직 넘버\(magic number\)가 2049.*2051"):
        read_idx(path, IMAGE_MAGIC)


def test_read_idx_not_idx_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello world, not an IDX file")
    with pytest.raises(MnistDataError, match="notes.txt: 매직 넘버"):
        read_idx(path)


def test_read_idx_truncated(tmp_path: Path) -> None:
    data = idx_bytes(np.zeros((5, 28, 28)), IMAGE_MAGIC)
    path = tmp_path / "cut-images"
    path.write_bytes(data[:-100])
    with pytest.raises(MnistDataError, match=r"cut-images: .*3936 bytes를 선언.*3836 bytes.*잘렸습니다\(truncated\)"):
        read_idx(path, IMAGE_MAGIC)


def test_read_idx_truncated_header(tmp_path: Path) -> None:
    path = tmp_path / "short"
    path.write_bytes(idx_bytes(np.zeros((5, 28, 28)), IMAGE_MAGIC)[:10])
    with pytest.raises(MnistDataError, match=r"short: IDX 헤더\(header\)가 잘렸습니다"):
        read_idx(path, IMAGE_MAGIC)


def test_read_idx_trailing_bytes(tmp_path: Path) -> None:
    path = tmp_path / "long"
    path.write_bytes(idx_bytes(np.zeros(4), LABEL_MAGIC) + b"\x00\x01")
    with pytest.raises(MnistDataError, match=r"trailing bytes"):
        read_idx(path, LABEL_MAGIC)


def test_read_idx_corrupt_gzip(tmp_path: Path) -> None:
    packed = gzip.compress(idx_bytes(np.arange(1000) % 10, LABEL_MAGIC))
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(MnistDataError, match=r"train-labels-idx1-ubyte.gz: gzip 압축이 손상"):
        read_idx(path, LABEL_MAGIC)


def test_missing_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MNIST_COURSE_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(MnistDataError, match=r"MNIST_COURSE_DATA=.*nowhere: 그런 폴더가 없습니다"):
        load_mnist()


def test_empty_folder(data_env: Path) -> None:
    with pytest.raises(MnistDataError, match=r"MNIST_COURSE_DATA=.*MNIST 파일이 하나도 없습니다.*export MNIST_COURSE_DATA"):
        load_mnist()


def test_missing_some_files(data_env: Path) -> None:
    write_small_set(data_env)
    (data_env / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(MnistDataError, match=r"일부가 없습니다\(missing files\): t10k-labels-idx1-ubyte"):
        load_mnist()


def test_count_mismatch(data_env: Path) -> None:
    write_small_set(data_env, n_train=6, n_train_labels=5, gz=False)
    with pytest.raises(MnistDataError, match=r"train: 이미지는 6개인데 레이블\(label\)은 5개"):
        load_mnist()


def test_label_out_of_range(data_env: Path) -> None:
    write_small_set(data_env)
    write_idx(data_env / "t10k-labels-idx1-ubyte.gz", np.array([1, 12, 3]), LABEL_MAGIC)
    with pytest.raises(MnistDataError, match=r"y_test: 레이블\(label\) 값 12"):
        load_mnist()


def test_not_full_size(data_env: Path) -> None:
    write_small_set(data_env)
    with pytest.raises(MnistDataError, match=r"train-images-idx3-ubyte: shape이 \(6, 28, 28\).*\(60000, 28, 28\)"):
        load_mnist()


def test_right_shape_wrong_content(data_env: Path) -> None:
    np.savez(
        data_env / "mnist.npz",
        x_train=np.zeros((60000, 28, 28), np.uint8),
        y_train=np.zeros(60000, np.uint8),
        x_test=np.zeros((10000, 28, 28), np.uint8),
        y_test=np.zeros(10000, np.uint8),
    )
    with pytest.raises(MnistDataError, match=r"train-images-idx3-ubyte: 내용이 원본 MNIST와 다릅니다\(checksum mismatch"):
        load_mnist()


def test_corrupt_npz(data_env: Path) -> None:
    (data_env / "mnist.npz").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(MnistDataError, match=r"mnist.npz: npz 파일이 손상"):
        load_mnist()


def test_real_mnist_canonical(real_mnist_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MNIST_COURSE_DATA", str(real_mnist_dir))
    (x_train, y_train), (x_test, y_test) = load_mnist()
    assert (x_train.shape, y_train.shape, x_test.shape, y_test.shape) == (
        (60000, 28, 28),
        (60000,),
        (10000, 28, 28),
        (10000,),
    )
    assert x_train.dtype == y_train.dtype == np.uint8
    assert y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert y_train[1001] == 7


def test_real_mnist_as_npz(real_mnist_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keras 스타일 mnist.npz도 같은 배열로 읽는다."""
    monkeypatch.setenv("MNIST_COURSE_DATA", str(real_mnist_dir))
    (x_train, y_train), (x_test, y_test) = load_mnist()
    np.savez_compressed(tmp_path / "mnist.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    monkeypatch.setenv("MNIST_COURSE_DATA", str(tmp_path))
    (x2, y2), (xt2, yt2) = load_mnist()
    np.testing.assert_array_equal(x2, x_train)
    np.testing.assert_array_equal(yt2, y_test)


def test_offline_without_data_gives_clear_error(tmp_path: Path) -> None:
    """MNIST_COURSE_DATA도 없고 네트워크도 안 될 때: 네트워크 traceback 대신 짧은 안내."""
    env = {k: v for k, v in os.environ.items() if k != "MNIST_COURSE_DATA"}
    # 빈 Keras 캐시, 그리고 닫힌 포트의 프록시: 실제 Keras 내려받기가 곧바로 실패한다.
    env.update(
        KERAS_HOME=str(tmp_path / "keras"),
        HOME=str(tmp_path),
        http_proxy="http://127.0.0.1:9",
        https_proxy="http://127.0.0.1:9",
        HTTP_PROXY="http://127.0.0.1:9",
        HTTPS_PROXY="http://127.0.0.1:9",
    )
    result = subprocess.run(
        [sys.executable, "-c", "from mnist_course import load_mnist; load_mnist()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "MnistDataError" in result.stderr
    assert "MNIST_COURSE_DATA" in result.stderr
    assert "During handling" not in result.stderr
    assert "urllib" not in result.stderr
    assert len(result.stderr.splitlines()) < 12, result.stderr

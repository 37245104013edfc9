"""mnist_course.data: IDX 읽기, 폴더/npz 불러오기, 오류 메시지."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import numpy as np
import pytest

from mnist_course.data import IMAGE_MAGIC, KERAS_ORIGIN, LABEL_MAGIC, MAX_IDX_BYTES, MnistDataError, _read_idx, load_mnist

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
    result = _read_idx(write_idx(tmp_path / name, images, IMAGE_MAGIC), IMAGE_MAGIC)
    assert result.dtype == np.uint8
    np.testing.assert_array_equal(result, images)
    result[0, 0, 0] = 1  # Keras 배열처럼 고쳐 쓸 수 있어야 한다
    labels = _read_idx(write_idx(tmp_path / "l", np.array([3, 1, 4]), LABEL_MAGIC), LABEL_MAGIC)
    assert labels.tolist() == [3, 1, 4]


def test_read_idx_wrong_magic(tmp_path: Path) -> None:
    path = write_idx(tmp_path / "labels", np.array([1, 2]), LABEL_MAGIC)
    with pytest.raises(MnistDataError, match=r"labels: 매직 넘버\(magic number\)가 2049.*2051"):
        _read_idx(path, IMAGE_MAGIC)


def test_read_idx_truncated(tmp_path: Path) -> None:
    data = idx_bytes(np.zeros((5, 28, 28)), IMAGE_MAGIC)
    path = tmp_path / "cut-images"
    path.write_bytes(data[:-100])
    with pytest.raises(MnistDataError, match=r"cut-images: .*3936 bytes를 선언.*3836 bytes.*잘렸습니다\(truncated\)"):
        _read_idx(path, IMAGE_MAGIC)


def test_read_idx_truncated_header(tmp_path: Path) -> None:
    path = tmp_path / "short"
    path.write_bytes(idx_bytes(np.zeros((5, 28, 28)), IMAGE_MAGIC)[:10])
    with pytest.raises(MnistDataError, match=r"short: IDX 헤더\(header\)가 잘렸습니다"):
        _read_idx(path, IMAGE_MAGIC)


def test_read_idx_trailing_bytes(tmp_path: Path) -> None:
    path = tmp_path / "long"
    path.write_bytes(idx_bytes(np.zeros(4), LABEL_MAGIC) + b"\x00\x01")
    with pytest.raises(MnistDataError, match=r"trailing bytes"):
        _read_idx(path, LABEL_MAGIC)


def test_read_idx_corrupt_gzip(tmp_path: Path) -> None:
    packed = gzip.compress(idx_bytes(np.arange(1000) % 10, LABEL_MAGIC))
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(MnistDataError, match=r"train-labels-idx1-ubyte.gz: gzip 압축이 손상"):
        _read_idx(path, LABEL_MAGIC)


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
    with pytest.raises(MnistDataError, match=r"t10k-labels-idx1-ubyte.gz \(y_test\): 레이블\(label\) 값 12"):
        load_mnist()


def test_not_full_size(data_env: Path) -> None:
    write_small_set(data_env)
    with pytest.raises(MnistDataError, match=r"train-images-idx3-ubyte.gz \(x_train\): shape이 \(6, 28, 28\).*\(60000, 28, 28\)"):
        load_mnist()


def test_right_shape_wrong_content(data_env: Path) -> None:
    np.savez(
        data_env / "mnist.npz",
        x_train=np.zeros((60000, 28, 28), np.uint8),
        y_train=np.zeros(60000, np.uint8),
        x_test=np.zeros((10000, 28, 28), np.uint8),
        y_test=np.zeros(10000, np.uint8),
    )
    with pytest.raises(MnistDataError, match=r"mnist.npz의 x_train: 내용이 원본 MNIST와 다릅니다\(checksum mismatch"):
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


@pytest.mark.slow  # TensorFlow를 새 프로세스에서 불러온다
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
    last = result.stderr.splitlines()[-1]
    assert last.startswith("mnist_course.data.MnistDataError: Keras가 MNIST를 내려받지 못했습니다(download failed)")
    assert KERAS_ORIGIN in last and "Connection refused" in last and "MNIST_COURSE_DATA" in last
    assert "direct cause" in result.stderr  # 원인(cause)이 체인으로 남는다
    assert "During handling" not in result.stderr  # urllib의 긴 traceback은 숨긴다
    assert len(result.stderr.splitlines()) < 25, result.stderr


# --- 공격자처럼: 느리거나, 크거나, 틀리게 만드는 파일들 ---


def header_bytes(magic: int, shape: tuple[int, ...]) -> bytes:
    return magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in shape)


def test_gzip_bomb_fails_fast_with_bounded_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1 MiB 남짓한 .gz가 256 MiB로 풀려도, 헤더가 선언한 크기 + 1바이트만 읽고 곧바로 거절한다."""
    path = tmp_path / "train-images-idx3-ubyte.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits=31: gzip 형식
    with path.open("wb") as f:
        f.write(packer.compress(header_bytes(IMAGE_MAGIC, (100, 28, 28))))
        for _ in range(256):
            f.write(packer.compress(bytes(2**20)))
        f.write(packer.flush())
    assert path.stat().st_size < 2 * 2**20
    unpacked = []  # 풀어서 읽은 바이트 수: 시간 대신 읽은 양으로 '곧바로 거절'을 본다

    class CountingGzipFile(gzip.GzipFile):
        def read(self, size: int = -1) -> bytes:
            data = super().read(size)
            unpacked.append(len(data))
            return data

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            count = super().readinto(buffer)
            unpacked.append(count)
            return count

    monkeypatch.setattr(gzip, "GzipFile", CountingGzipFile)
    tracemalloc.start()
    try:
        with pytest.raises(MnistDataError, match=r"78416 bytes를 선언.*trailing bytes"):
            _read_idx(path, IMAGE_MAGIC)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20, f"최대 {peak / 2**20:.0f} MiB를 썼습니다"
    assert 78416 <= sum(unpacked) < 2**20, f"{sum(unpacked):,} bytes를 풀었습니다(256 MiB를 다 풀면 안 됩니다)"


def test_huge_declared_size_is_rejected_before_reading(tmp_path: Path) -> None:
    """int64로 곱하면 음수가 되거나 0으로 돌아가는(wrap) shape도 파이썬 정수로 계산해 거절한다."""
    for shape in [(2**32 - 1, 2**32 - 1, 2**32 - 1), (2**31, 2**31, 4)]:  # 두 번째는 int64로 정확히 2**64 = 0
        path = tmp_path / "huge"
        path.write_bytes(header_bytes(IMAGE_MAGIC, shape))
        declared = f"{shape[0] * shape[1] * shape[2]:,}"
        with pytest.raises(MnistDataError, match=rf"huge: 헤더가 shape .*{declared} bytes를 선언.*한도 {MAX_IDX_BYTES:,} bytes"):
            _read_idx(path, IMAGE_MAGIC)


def test_absurd_dimension_count(tmp_path: Path) -> None:
    path = tmp_path / "many-dims"
    path.write_bytes(bytes([0, 0, 8, 200]) + bytes(800))
    with pytest.raises(MnistDataError, match=r"many-dims: 헤더가 200차원을 선언합니다.*1~4차원"):
        _read_idx(path)


def test_wrong_dtype_code(tmp_path: Path) -> None:
    path = tmp_path / "floats"
    path.write_bytes(bytes([0, 0, 0x0D, 1]) + (2).to_bytes(4, "big") + bytes(8))
    with pytest.raises(MnistDataError, match=r"floats: 헤더의 자료형 코드\(dtype code\)가 0x0D\(float32\).*0x08\(uint8\)"):
        _read_idx(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty"
    path.write_bytes(b"")
    with pytest.raises(MnistDataError, match=r"empty: 파일이 비어 있습니다\(empty file"):
        _read_idx(path)


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        (gzip.compress(gzip.compress(b"x" * 100)), "gzip으로 압축되어"),  # 두 번 압축: 한 번만 풀린다
        (b"PK\x03\x04" + bytes(30), "zip 압축 파일"),
        (b"<!DOCTYPE html><html>404</html>", "HTML 웹 페이지"),
        (b"hello world, not an IDX file", ""),  # 그냥 글: 짐작할 원인 없이 매직 넘버만
    ],
)
def test_not_idx_names_the_likely_cause(tmp_path: Path, content: bytes, hint: str) -> None:
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(content)
    with pytest.raises(MnistDataError, match=rf"매직 넘버.*IDX 형식이 아닙니다\(not an IDX file\).*{hint}"):
        _read_idx(path, IMAGE_MAGIC)


def test_gzip_without_gz_suffix_is_read_transparently(tmp_path: Path) -> None:
    """압축 여부는 이름이 아니라 내용으로 정한다: .gz 없는 gzip 파일도, .gz인데 압축 안 된 파일도 읽는다."""
    labels = np.array([3, 1, 4, 1, 5])
    packed = tmp_path / "train-labels-idx1-ubyte"
    packed.write_bytes(gzip.compress(idx_bytes(labels, LABEL_MAGIC)))
    plain = tmp_path / "t10k-labels-idx1-ubyte.gz"
    plain.write_bytes(idx_bytes(labels, LABEL_MAGIC))
    assert _read_idx(packed, LABEL_MAGIC).tolist() == _read_idx(plain, LABEL_MAGIC).tolist() == labels.tolist()


def test_gzip_missing_its_trailer(tmp_path: Path) -> None:
    """데이터는 다 있는데 gzip 끝의 CRC가 잘린 파일도 손상으로 알린다."""
    path = tmp_path / "labels.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.arange(10) % 10, LABEL_MAGIC))[:-8])
    with pytest.raises(MnistDataError, match=r"labels.gz: gzip 압축이 손상되었거나 잘렸습니다"):
        _read_idx(path, LABEL_MAGIC)


def test_directory_symlink_loop_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "a-dir").mkdir()
    with pytest.raises(MnistDataError, match=r"a-dir: 파일이 아니라 폴더입니다\(is a directory\)"):
        _read_idx(tmp_path / "a-dir")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(MnistDataError, match=r"loop: 심볼릭 링크\(symlink\).*symlink loop"):
        _read_idx(loop)
    with pytest.raises(MnistDataError, match=r"nothing: 파일이 없습니다\(file not found\)"):
        _read_idx(tmp_path / "nothing")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(MnistDataError, match=r"fifo: 일반 파일이 아닙니다"):  # 열면 멈추므로 열기 전에 거절
        _read_idx(fifo)


def test_directory_in_place_of_a_data_file(data_env: Path) -> None:
    write_small_set(data_env)
    (data_env / "t10k-labels-idx1-ubyte.gz").unlink()
    (data_env / "t10k-labels-idx1-ubyte").mkdir()
    with pytest.raises(MnistDataError, match=r"t10k-labels-idx1-ubyte: 파일이 아니라 폴더입니다"):
        load_mnist()


def test_data_env_is_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.zeros((1, 28, 28)), IMAGE_MAGIC)
    monkeypatch.setenv("MNIST_COURSE_DATA", str(path))
    with pytest.raises(MnistDataError, match=r"MNIST_COURSE_DATA=.*: 폴더가 아니라 파일입니다\(not a folder\)"):
        load_mnist()


def test_plain_and_gz_copies(data_env: Path) -> None:
    """x와 x.gz가 둘 다 있으면: 같으면 받아들이고, 다르면 둘 다 적어 거절한다."""
    write_small_set(data_env, gz=True)
    write_small_set(data_env, gz=False)  # 같은 난수: 같은 내용
    with pytest.raises(MnistDataError, match=r"shape mismatch"):  # 작은 세트라 shape에서 멈춘다: 충돌은 아니다
        load_mnist()
    write_idx(data_env / "train-labels-idx1-ubyte", np.array([0, 1, 2, 3, 4, 5]), LABEL_MAGIC)
    with pytest.raises(
        MnistDataError, match=r"train-labels-idx1-ubyte와 train-labels-idx1-ubyte.gz가 둘 다 있는데 내용이 다릅니다\(conflicting files\)"
    ):
        load_mnist()


def save_npz(path: Path, **arrays: object) -> Path:
    np.savez(path, **arrays)
    return path


def full_size_arrays() -> dict[str, np.ndarray]:
    return {
        "x_train": np.zeros((60000, 28, 28), np.uint8),
        "y_train": np.zeros(60000, np.uint8),
        "x_test": np.zeros((10000, 28, 28), np.uint8),
        "y_test": np.zeros(10000, np.uint8),
    }


def test_npz_with_other_keys_lists_what_was_found(data_env: Path) -> None:
    save_npz(data_env / "mnist.npz", images=np.zeros(3, np.uint8), labels=np.zeros(3, np.uint8))
    expected = r"mnist.npz: 배열 x_train, y_train, x_test, y_test이\(가\) 없습니다.*들어 있는 배열: images, labels"
    with pytest.raises(MnistDataError, match=expected):
        load_mnist()


def test_npz_zero_dimensional_arrays(data_env: Path) -> None:
    save_npz(data_env / "mnist.npz", x_train=np.uint8(1), y_train=np.uint8(1), x_test=np.uint8(1), y_test=np.uint8(1))
    with pytest.raises(MnistDataError, match=r"mnist.npz의 x_train: shape이 \(\)입니다.*\(60000, 28, 28\)"):
        load_mnist()


def test_npz_wrong_shape_names_the_npz(data_env: Path) -> None:
    arrays = full_size_arrays()
    arrays["x_test"] = np.zeros((10000, 28, 27), np.uint8)
    save_npz(data_env / "mnist.npz", **arrays)
    with pytest.raises(MnistDataError, match=r"^mnist.npz의 x_test: shape이 \(10000, 28, 27\)") as info:
        load_mnist()
    assert "idx3-ubyte" not in str(info.value)


def test_npz_object_array_is_rejected(data_env: Path) -> None:
    arrays = full_size_arrays()
    arrays["y_train"] = np.array([{"evil": 1}] * 3, dtype=object)
    np.savez(data_env / "mnist.npz", **arrays)  # np.savez는 객체 배열을 피클로 저장한다
    with pytest.raises(MnistDataError, match=r"mnist.npz의 y_train: 객체 배열\(object array.*allow_pickle=False"):
        load_mnist()


def test_npz_wrong_dtype(data_env: Path) -> None:
    arrays = full_size_arrays()
    arrays["y_test"] = arrays["y_test"].astype(np.int64)
    save_npz(data_env / "mnist.npz", **arrays)
    with pytest.raises(MnistDataError, match=r"mnist.npz의 y_test: dtype이 int64입니다. uint8이어야"):
        load_mnist()


@pytest.mark.parametrize(
    ("content", "hint"),
    [(b"\x93NUMPY" + bytes(50), ""), (gzip.compress(b"PK\x03\x04zip"), "gzip으로 압축되어"), (b"\x80\x04\x95pickle", "")],
)
def test_npz_that_is_not_a_zip(data_env: Path, content: bytes, hint: str) -> None:
    (data_env / "mnist.npz").write_bytes(content)
    with pytest.raises(MnistDataError, match=rf"mnist.npz: zip\(npz\) 파일이 아닙니다\(not a zip/npz file\).*{hint}") as info:
        load_mnist()
    assert "allow_pickle" not in str(info.value)


def test_offline_download_error_keeps_its_cause(monkeypatch: pytest.MonkeyPatch) -> None:
    """내려받기 오류: URL과 원래 오류 문장을 메시지에 넣고, 원래 예외를 원인(__cause__)으로 남긴다."""
    import keras

    def offline(*args: object, **kwargs: object) -> str:
        raise OSError(-2, "Name or service not known")

    monkeypatch.delenv("MNIST_COURSE_DATA", raising=False)
    monkeypatch.setattr(keras.utils, "get_file", offline)
    with pytest.raises(MnistDataError) as info:
        load_mnist()
    message = str(info.value)
    assert "내려받지 못했습니다(download failed)" in message and KERAS_ORIGIN in message
    assert "Name or service not known" in message and "export MNIST_COURSE_DATA" in message
    assert isinstance(info.value.__cause__, OSError)


def test_keras_cache_file_is_validated_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keras 캐시의 mnist.npz도 같은 검사를 거치고, 오류에는 그 파일 이름이 나온다."""
    import keras

    cached = save_npz(tmp_path / "mnist.npz", **full_size_arrays())
    monkeypatch.delenv("MNIST_COURSE_DATA", raising=False)
    monkeypatch.setattr(keras.utils, "get_file", lambda **kwargs: str(cached))
    with pytest.raises(MnistDataError, match=r"mnist.npz의 x_train: 내용이 원본 MNIST와 다릅니다"):
        load_mnist()

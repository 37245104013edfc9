"""MNIST 불러오기: 로컬 폴더(MNIST_COURSE_DATA) 또는 Keras 내려받기, 그리고 검증."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import math
import os
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np

DATA_ENV = "MNIST_COURSE_DATA"

IMAGE_MAGIC = 2051
LABEL_MAGIC = 2049

# 파일 이름(확장자 제외) -> (keras 배열 이름, 매직 넘버, 기대 shape)
IDX_FILES = {
    "train-images-idx3-ubyte": ("x_train", IMAGE_MAGIC, (60000, 28, 28)),
    "train-labels-idx1-ubyte": ("y_train", LABEL_MAGIC, (60000,)),
    "t10k-images-idx3-ubyte": ("x_test", IMAGE_MAGIC, (10000, 28, 28)),
    "t10k-labels-idx1-ubyte": ("y_test", LABEL_MAGIC, (10000,)),
}
EXPECTED_SHAPES = {name: shape for name, _, shape in IDX_FILES.values()}

# 공개된 원본 MNIST 파일에서 헤더를 뺀 데이터 부분의 SHA-256.
# IDX 파일과 Keras의 mnist.npz 모두 같은 바이트를 담고 있으므로 둘 다 이것으로 검증한다.
ORIGINAL_SHA256 = {
    "x_train": "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757",
    "y_train": "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13",
    "x_test": "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
    "y_test": "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5",
}

# keras.datasets.mnist.load_data()와 같은 주소, 같은 캐시 파일, 같은 해시(hash)
KERAS_ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
KERAS_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"

GZIP_MAGIC = b"\x1f\x8b"
# IDX 헤더의 한도: MNIST 파일은 1차원(레이블) 또는 3차원(이미지)이고, 가장 큰 파일도 47,040,000 bytes다.
MAX_IDX_DIMS = 4
MAX_IDX_BYTES = 256 * 2**20
IDX_TYPE_CODES = {0x08: "uint8", 0x09: "int8", 0x0B: "int16", 0x0C: "int32", 0x0D: "float32", 0x0E: "float64"}
READ_CHUNK = 2**20

HOW_TO_FIX = (
    f"해결 방법: 원본 MNIST 파일 네 개(train-images-idx3-ubyte, train-labels-idx1-ubyte, "
    f"t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; .gz로 압축되어 있어도 됩니다) 또는 "
    f"Keras의 mnist.npz가 든 폴더를 환경 변수 {DATA_ENV}로 지정하세요. "
    f"예: export {DATA_ENV}=/path/to/mnist"
)
DOWNLOAD_AGAIN = "파일을 다시 받으세요."

MnistArrays = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class MnistDataError(ValueError):
    """MNIST 데이터를 찾지 못했거나 내용이 잘못되었을 때 나는 오류."""


def _read_idx(path: str | os.PathLike[str], expected_magic: int | None = None) -> np.ndarray:
    """IDX 파일 하나(.gz여도 됨)를 읽어 uint8 배열로 돌려준다.

    압축 여부는 이름이 아니라 내용(처음 두 바이트가 gzip 표시 1f 8b인지)으로 판단하므로,
    .gz 없이 저장된 gzip 파일도 그대로 읽는다. 헤더(header)를 먼저 읽어 확인하고, 선언된 크기 + 1바이트까지만
    읽는다(압축 폭탄도 메모리를 거의 쓰지 않고 거절한다). 어긋나면 MnistDataError를 낸다.
    """
    path = Path(path)
    _check_file(path)
    try:
        with _open_idx(path) as f:
            shape, header_size = _read_idx_header(f, path.name, expected_magic)
            return _read_idx_body(f, path.name, shape, header_size)
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        raise MnistDataError(
            f"{path.name}: gzip 압축이 손상되었거나 잘렸습니다(corrupt/truncated gzip): {err}. {DOWNLOAD_AGAIN}"
        ) from None
    except OSError as err:
        raise MnistDataError(f"{path.name}: 파일을 읽을 수 없습니다(read error): {err}") from None


def _check_file(path: Path) -> None:
    """읽기 전에: 없음, 깨진 심볼릭 링크, 폴더, 특수 파일(FIFO 등: 열면 멈출 수 있다)을 분명한 오류로."""
    if path.is_symlink() and not path.exists():
        raise MnistDataError(
            f"{path}: 심볼릭 링크(symlink)가 없는 곳을 가리키거나 순환합니다(broken symlink or symlink loop). 링크를 고치세요."
        )
    if not path.exists():
        raise MnistDataError(f"{path}: 파일이 없습니다(file not found).")
    if path.is_dir():
        raise MnistDataError(f"{path}: 파일이 아니라 폴더입니다(is a directory). 폴더 안의 파일을 지정하거나 폴더를 치우세요.")
    if not path.is_file():
        raise MnistDataError(f"{path}: 일반 파일이 아닙니다(not a regular file: FIFO나 장치 파일). 원본 파일을 복사해 두세요.")


@contextlib.contextmanager
def _open_idx(path: Path) -> Iterator[BinaryIO]:
    """파일을 열고, 내용이 gzip이면 풀면서 읽는 스트림을 준다."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        if not compressed:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw) as unpacked:
            yield unpacked


def _content_hint(head: bytes) -> str:
    """IDX가 아닌 파일의 첫 바이트로 흔한 원인을 짐작해 알려 준다."""
    if head.startswith(GZIP_MAGIC):
        return " 이 파일은 gzip으로 압축되어 있습니다(gzip-compressed). 압축을 푸세요(gunzip)."
    if head.startswith(b"PK"):
        return " 이 파일은 zip 압축 파일입니다(zip archive). 압축을 푸세요(unzip)."
    if head.lstrip().startswith(b"<"):
        return " HTML 웹 페이지로 보입니다(HTML page): 내려받기가 실패해 오류 페이지가 저장되었을 수 있습니다."
    return ""


def _read_idx_header(f: BinaryIO, name: str, expected_magic: int | None) -> tuple[tuple[int, ...], int]:
    """헤더를 읽고 확인해 (shape, 헤더 바이트 수)를 돌려준다. 크기 계산은 넘치지 않는 파이썬 정수로 한다."""
    head = f.read(4)
    if not head:
        raise MnistDataError(f"{name}: 파일이 비어 있습니다(empty file, 0 bytes). {DOWNLOAD_AGAIN}")
    if len(head) < 4:
        raise MnistDataError(f"{name}: 파일이 너무 짧습니다({len(head)} bytes). 헤더(header)조차 없습니다.")
    magic = int.from_bytes(head, "big")
    if head[:2] != b"\x00\x00":
        raise MnistDataError(f"{name}: 매직 넘버(magic number) {magic}는 IDX 형식이 아닙니다(not an IDX file).{_content_hint(head)}")
    if head[2] != 0x08:
        kind = IDX_TYPE_CODES.get(head[2], "알 수 없음")
        raise MnistDataError(
            f"{name}: 헤더의 자료형 코드(dtype code)가 0x{head[2]:02X}({kind})입니다. MNIST 파일은 0x08(uint8)이어야 합니다."
        )
    if expected_magic is not None and magic != expected_magic:
        raise MnistDataError(
            f"{name}: 매직 넘버(magic number)가 {magic}입니다. "
            f"{expected_magic}이어야 합니다. IDX 형식의 MNIST 파일이 아니거나 이미지/레이블 파일이 뒤바뀌었습니다."
        )
    ndim = head[3]
    if not 1 <= ndim <= MAX_IDX_DIMS:
        raise MnistDataError(
            f"{name}: 헤더가 {ndim}차원을 선언합니다(number of dimensions). MNIST 파일은 1~{MAX_IDX_DIMS}차원이어야 합니다."
        )
    dims = f.read(4 * ndim)
    if len(dims) < 4 * ndim:
        raise MnistDataError(f"{name}: IDX 헤더(header)가 잘렸습니다(truncated). {DOWNLOAD_AGAIN}")
    shape = tuple(int.from_bytes(dims[4 * i : 4 * i + 4], "big") for i in range(ndim))
    if math.prod(shape) > MAX_IDX_BYTES:
        raise MnistDataError(
            f"{name}: 헤더가 shape {shape}, 즉 {math.prod(shape):,} bytes를 선언합니다. "
            f"한도 {MAX_IDX_BYTES:,} bytes보다 큽니다(declared size too large; 원본 MNIST는 가장 커도 47,040,000 bytes). "
            f"파일이 손상되었거나 MNIST 파일이 아닙니다."
        )
    return shape, 4 + 4 * ndim


def _fill(f: BinaryIO, buffer: np.ndarray) -> int:
    """buffer를 스트림의 바이트로 채우고 채운 바이트 수를 돌려준다(READ_CHUNK씩 읽어 임시 메모리를 작게)."""
    view = memoryview(buffer).cast("B")
    filled = 0
    while filled < len(view):
        n = f.readinto(view[filled : filled + READ_CHUNK])
        if not n:
            break
        filled += n
    return filled


def _read_idx_body(f: BinaryIO, name: str, shape: tuple[int, ...], header_size: int) -> np.ndarray:
    size = math.prod(shape)
    array = np.empty(size, dtype=np.uint8)
    got = _fill(f, array)
    expected = header_size + size
    if got < size:
        raise MnistDataError(
            f"{name}: 헤더는 shape {shape}, 즉 {expected} bytes를 선언하지만 실제로는 "
            f"{header_size + got} bytes입니다. 파일이 잘렸습니다(truncated). {DOWNLOAD_AGAIN}"
        )
    if f.read(1):
        raise MnistDataError(
            f"{name}: 헤더는 shape {shape}, 즉 {expected} bytes를 선언하지만 파일이 더 깁니다. "
            f"뒤에 남는 바이트가 있습니다(trailing bytes). {DOWNLOAD_AGAIN}"
        )
    return array.reshape(shape)


def load_mnist() -> MnistArrays:
    """`keras.datasets.mnist.load_data()`와 똑같은 모양의 MNIST를 돌려준다.

    환경 변수 MNIST_COURSE_DATA가 있으면 그 폴더에서, 없으면 Keras(캐시 또는 내려받기)에서 읽는다.
    어느 쪽이든 shape, dtype, 레이블 범위, 원본 체크섬(checksum)을 확인하고, 오류에는 실제로 읽은 파일 이름을 적는다.
    """
    folder = os.environ.get(DATA_ENV)
    if folder:
        arrays, sources = _load_folder(Path(folder).expanduser())
    else:
        arrays, sources = _load_keras()
    _validate(arrays, sources)
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


Loaded = tuple[dict[str, np.ndarray], dict[str, str]]  # (배열, 배열마다 읽은 파일 이름)


def _load_folder(folder: Path) -> Loaded:
    if not folder.exists():
        raise MnistDataError(f"{DATA_ENV}={folder}: 그런 폴더가 없습니다(folder not found). {HOW_TO_FIX}")
    if not folder.is_dir():
        raise MnistDataError(f"{DATA_ENV}={folder}: 폴더가 아니라 파일입니다(not a folder). 파일이 든 폴더를 지정하세요. {HOW_TO_FIX}")
    arrays, sources = {}, {}
    for stem, (name, magic, _) in IDX_FILES.items():
        found = _read_idx_pair(folder, stem, magic)
        if found is not None:
            arrays[name], sources[name] = found
    if len(arrays) == len(IDX_FILES):
        return arrays, sources
    npz = folder / "mnist.npz"
    if os.path.lexists(npz):
        return _load_npz(npz)
    if not arrays:
        raise MnistDataError(f"{DATA_ENV}={folder}: 이 폴더에 MNIST 파일이 하나도 없습니다(no MNIST files found). {HOW_TO_FIX}")
    missing = [stem for stem, (name, _, _) in IDX_FILES.items() if name not in arrays]
    raise MnistDataError(f"{DATA_ENV}={folder}: MNIST 파일 일부가 없습니다(missing files): {', '.join(missing)}. {HOW_TO_FIX}")


def _read_idx_pair(folder: Path, stem: str, magic: int) -> tuple[np.ndarray, str] | None:
    """stem과 stem.gz 가운데 있는 것을 읽는다. 둘 다 있으면 내용이 같을 때만 받고, 다르면 둘 다 적어 거절한다."""
    paths = [p for p in (folder / stem, folder / f"{stem}.gz") if os.path.lexists(p)]
    if not paths:
        return None
    arrays = [_read_idx(p, magic) for p in paths]
    if len(arrays) == 2 and not np.array_equal(arrays[0], arrays[1]):
        raise MnistDataError(
            f"{folder}: {stem}와 {stem}.gz가 둘 다 있는데 내용이 다릅니다(conflicting files). "
            "어느 쪽이 맞는지 알 수 없으니 잘못된 쪽을 지우세요."
        )
    return arrays[0], f"{paths[0].name} ({IDX_FILES[stem][0]})"


def _load_npz(path: Path) -> Loaded:
    """Keras 형식 mnist.npz를 읽는다. 배열마다 헤더(dtype, shape)를 먼저 확인하고, 피클(pickle)은 절대 읽지 않는다."""
    _check_file(path)
    with path.open("rb") as f:
        head = f.read(4)
    if not head.startswith(b"PK"):
        raise MnistDataError(f"{path.name}: zip(npz) 파일이 아닙니다(not a zip/npz file).{_content_hint(head)} {DOWNLOAD_AGAIN}")
    try:
        with zipfile.ZipFile(path) as archive:
            members = {n.removesuffix(".npy"): n for n in archive.namelist() if n.endswith(".npy")}
            missing = [name for name in ORIGINAL_SHA256 if name not in members]
            if missing:
                raise MnistDataError(
                    f"{path.name}: 배열 {', '.join(missing)}이(가) 없습니다(missing arrays). "
                    f"들어 있는 배열: {', '.join(members) or '없음'}. Keras의 mnist.npz에는 {', '.join(ORIGINAL_SHA256)}가 있어야 합니다."
                )
            arrays = {name: _read_npz_array(archive, members[name], f"{path.name}의 {name}", name) for name in ORIGINAL_SHA256}
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as err:
        raise MnistDataError(f"{path.name}: npz 파일이 손상되었습니다(corrupt file): {err}. {DOWNLOAD_AGAIN}") from None
    return arrays, {name: f"{path.name}의 {name}" for name in arrays}


def _read_npz_array(archive: zipfile.ZipFile, member: str, label: str, name: str) -> np.ndarray:
    """npz 안의 .npy 하나: 헤더를 읽어 dtype과 shape을 확인한 뒤에야 데이터를 기대한 크기만큼 읽는다."""
    with archive.open(member) as f:
        try:
            version = np.lib.format.read_magic(f)
            reader = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran_order, dtype = reader(f)
        except ValueError as err:
            raise MnistDataError(f"{label}: .npy 헤더(header)를 읽을 수 없습니다(corrupt array): {err}. {DOWNLOAD_AGAIN}") from None
        if dtype.hasobject:
            raise MnistDataError(
                f"{label}: 객체 배열(object array, dtype {dtype})입니다. 안전하지 않은 피클(pickle)은 읽지 않습니다(allow_pickle=False). "
                "숫자(uint8) 배열로 저장한 npz를 쓰세요."
            )
        if dtype != np.uint8:
            raise MnistDataError(f"{label}: dtype이 {dtype}입니다. uint8이어야 합니다.")
        if shape != EXPECTED_SHAPES[name]:
            raise MnistDataError(f"{label}: shape이 {shape}입니다. 원본 MNIST는 {EXPECTED_SHAPES[name]}입니다(shape mismatch).")
        array = np.empty(math.prod(shape), dtype=np.uint8)
        if _fill(f, array) < array.size or f.read(1):
            raise MnistDataError(f"{label}: 데이터 크기가 헤더와 다릅니다(truncated or trailing bytes). {DOWNLOAD_AGAIN}")
    return np.ascontiguousarray(array.reshape(shape, order="F" if fortran_order else "C"))


def _load_keras() -> Loaded:
    """keras.datasets.mnist.load_data()처럼 Keras 캐시(없으면 내려받기)의 mnist.npz를 읽는다."""
    from mnist_course.environment import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    try:
        path = keras.utils.get_file(fname="mnist.npz", origin=KERAS_ORIGIN, file_hash=KERAS_SHA256)
    except Exception as err:  # 네트워크 오류의 종류가 환경마다 달라 넓게 잡는다.
        # 원인(cause)은 체인으로 남긴다. Keras가 urllib 오류를 감싸며 생긴 긴 urllib traceback만 화면에서 숨긴다
        # (err.__context__로는 남아 있고, 그 오류 문장은 Keras 메시지와 아래 메시지에 들어 있다).
        err.__suppress_context__ = True
        raise MnistDataError(
            f"Keras가 MNIST를 내려받지 못했습니다(download failed): {KERAS_ORIGIN}: {type(err).__name__}: {err}. "
            f"인터넷 연결이 없다면 {HOW_TO_FIX}"
        ) from err
    return _load_npz(Path(path))


def _validate(arrays: dict[str, np.ndarray], sources: dict[str, str]) -> None:
    for name in ORIGINAL_SHA256:
        array = arrays[name]
        if array.dtype != np.uint8:
            raise MnistDataError(f"{sources[name]}: dtype이 {array.dtype}입니다. uint8이어야 합니다.")
        if name.startswith("y") and array.size and array.max() > 9:
            raise MnistDataError(f"{sources[name]}: 레이블(label) 값 {int(array.max())}이 있습니다. 레이블은 0~9여야 합니다.")
    for split in ("train", "test"):
        n_images, n_labels = len(arrays[f"x_{split}"]), len(arrays[f"y_{split}"])
        if n_images != n_labels:
            raise MnistDataError(
                f"{split}: 이미지는 {n_images}개인데 레이블(label)은 {n_labels}개입니다(count mismatch). "
                f"이미지({sources[f'x_{split}']})와 레이블({sources[f'y_{split}']})이 짝이 맞지 않습니다."
            )
    for name, shape in EXPECTED_SHAPES.items():
        if arrays[name].shape != shape:
            raise MnistDataError(f"{sources[name]}: shape이 {arrays[name].shape}입니다. 원본 MNIST는 {shape}입니다(shape mismatch).")
        digest = hashlib.sha256(np.ascontiguousarray(arrays[name]).tobytes()).hexdigest()
        if digest != ORIGINAL_SHA256[name]:
            raise MnistDataError(
                f"{sources[name]}: 내용이 원본 MNIST와 다릅니다(checksum mismatch, sha256 {digest[:12]}...). "
                "파일이 손상되었거나 다른 데이터입니다. 원본 파일을 다시 받으세요."
            )

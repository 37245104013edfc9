"""MNIST 불러오기: 로컬 폴더(MNIST_COURSE_DATA) 또는 Keras 내려받기, 그리고 검증."""

from __future__ import annotations

import gzip
import hashlib
import os
import zipfile
import zlib
from pathlib import Path

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

# 공개된 원본 MNIST 파일에서 헤더를 뺀 데이터 부분의 SHA-256.
# IDX 파일과 Keras의 mnist.npz 모두 같은 바이트를 담고 있으므로 둘 다 이것으로 검증한다.
ORIGINAL_SHA256 = {
    "x_train": "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757",
    "y_train": "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13",
    "x_test": "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
    "y_test": "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5",
}

HOW_TO_FIX = (
    f"해결 방법: 원본 MNIST 파일 네 개(train-images-idx3-ubyte, train-labels-idx1-ubyte, "
    f"t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; .gz로 압축되어 있어도 됩니다) 또는 "
    f"Keras의 mnist.npz가 든 폴더를 환경 변수 {DATA_ENV}로 지정하세요. "
    f"예: export {DATA_ENV}=/path/to/mnist"
)

MnistArrays = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class MnistDataError(ValueError):
    """MNIST 데이터를 찾지 못했거나 내용이 잘못되었을 때 나는 오류."""


def read_idx(path: str | os.PathLike[str], expected_magic: int | None = None) -> np.ndarray:
    """IDX 파일 하나(.gz여도 됨)를 읽어 uint8 배열로 돌려준다.

    헤더의 매직 넘버와 선언된 크기를 실제 바이트 수와 비교하고, 어긋나면 MnistDataError를 낸다.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 4:
        raise MnistDataError(f"{path.name}: 파일이 너무 짧습니다({len(raw)} bytes). 헤더(header)조차 없습니다.")
    magic = int.from_bytes(raw[:4], "big")
    if expected_magic is not None and magic != expected_magic:
        raise MnistDataError(
            f"{path.name}: 매직 넘버(magic number)가 {magic}입니다. "
            f"{expected_magic}이어야 합니다. IDX 형식의 MNIST 파일이 아니거나 이미지/레이블 파일이 뒤바뀌었습니다."
        )
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise MnistDataError(f"{path.name}: 매직 넘버(magic number) {magic}는 uint8 IDX 형식이 아닙니다.")
    ndim = raw[3]
    header_size = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header_size:
        raise MnistDataError(f"{path.name}: IDX 헤더(header)가 잘렸습니다(truncated). 파일을 다시 받으세요.")
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    expected_size = header_size + int(np.prod(shape))
    if len(raw) != expected_size:
        kind = "잘렸습니다(truncated)" if len(raw) < expected_size else "뒤에 남는 바이트가 있습니다(trailing bytes)"
        raise MnistDataError(
            f"{path.name}: 헤더는 shape {shape}, 즉 {expected_size} bytes를 선언하지만 실제로는 "
            f"{len(raw)} bytes입니다. 파일이 {kind}. 파일을 다시 받으세요."
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header_size).reshape(shape).copy()


def _read_bytes(path: Path) -> bytes:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as f:
                return f.read()
        return path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        raise MnistDataError(
            f"{path.name}: gzip 압축이 손상되었거나 잘렸습니다(corrupt/truncated gzip): {err}. 파일을 다시 받으세요."
        ) from None
    except OSError as err:
        raise MnistDataError(f"{path.name}: 파일을 읽을 수 없습니다(read error): {err}") from None


def load_mnist() -> MnistArrays:
    """`keras.datasets.mnist.load_data()`와 똑같은 모양의 MNIST를 돌려준다.

    환경 변수 MNIST_COURSE_DATA가 있으면 그 폴더에서, 없으면 Keras(캐시 또는 내려받기)에서 읽는다.
    어느 쪽이든 shape, dtype, 레이블 범위, 원본 체크섬(checksum)을 확인한다.
    """
    folder = os.environ.get(DATA_ENV)
    if folder:
        arrays = _load_folder(Path(folder).expanduser())
    else:
        arrays = _load_keras()
    _validate(arrays)
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def _load_folder(folder: Path) -> dict[str, np.ndarray]:
    if not folder.is_dir():
        raise MnistDataError(f"{DATA_ENV}={folder}: 그런 폴더가 없습니다(folder not found). {HOW_TO_FIX}")
    npz = folder / "mnist.npz"
    found = {}
    for stem, (name, magic, _) in IDX_FILES.items():
        for candidate in (folder / stem, folder / f"{stem}.gz"):
            if candidate.is_file():
                found[name] = read_idx(candidate, magic)
                break
    if len(found) == len(IDX_FILES):
        return found
    if npz.is_file():
        return _load_npz(npz)
    if not found:
        raise MnistDataError(f"{DATA_ENV}={folder}: 이 폴더에 MNIST 파일이 하나도 없습니다(no MNIST files found). {HOW_TO_FIX}")
    missing = [stem for stem, (name, _, _) in IDX_FILES.items() if name not in found]
    raise MnistDataError(f"{DATA_ENV}={folder}: MNIST 파일 일부가 없습니다(missing files): {', '.join(missing)}. {HOW_TO_FIX}")


def _load_npz(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            return {name: data[name] for name in ORIGINAL_SHA256}
    except KeyError as err:
        raise MnistDataError(f"{path.name}: 배열 {err}가 없습니다(missing array). Keras의 mnist.npz가 아닙니다.") from None
    except (OSError, ValueError, zlib.error, EOFError, zipfile.BadZipFile) as err:
        raise MnistDataError(f"{path.name}: npz 파일이 손상되었습니다(corrupt file): {err}. 파일을 다시 받으세요.") from None


def _load_keras() -> dict[str, np.ndarray]:
    from mnist_course.environment import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    try:
        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except Exception as err:  # 네트워크 오류의 종류가 환경마다 달라 넓게 잡는다.
        raise MnistDataError(
            f"Keras가 MNIST를 내려받지 못했습니다(download failed: {type(err).__name__}). 인터넷 연결이 없다면 {HOW_TO_FIX}"
        ) from None
    return {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


def _validate(arrays: dict[str, np.ndarray]) -> None:
    for name in ORIGINAL_SHA256:
        array = arrays[name]
        if array.dtype != np.uint8:
            raise MnistDataError(f"{name}: dtype이 {array.dtype}입니다. uint8이어야 합니다.")
        if name.startswith("y") and array.size and array.max() > 9:
            raise MnistDataError(f"{name}: 레이블(label) 값 {int(array.max())}이 있습니다. 레이블은 0~9여야 합니다.")
    for split in ("train", "test"):
        n_images, n_labels = len(arrays[f"x_{split}"]), len(arrays[f"y_{split}"])
        if n_images != n_labels:
            raise MnistDataError(
                f"{split}: 이미지는 {n_images}개인데 레이블(label)은 {n_labels}개입니다(count mismatch). "
                "이미지 파일과 레이블 파일이 짝이 맞지 않습니다."
            )
    for stem, (name, _, shape) in IDX_FILES.items():
        if arrays[name].shape != shape:
            raise MnistDataError(f"{stem}: shape이 {arrays[name].shape}입니다. 원본 MNIST는 {shape}입니다(shape mismatch).")
        digest = hashlib.sha256(np.ascontiguousarray(arrays[name]).tobytes()).hexdigest()
        if digest != ORIGINAL_SHA256[name]:
            raise MnistDataError(
                f"{stem}: 내용이 원본 MNIST와 다릅니다(checksum mismatch, sha256 {digest[:12]}...). "
                "파일이 손상되었거나 다른 데이터입니다. 원본 파일을 다시 받으세요."
            )

"""Read the Resemblyzer voice encoder's ``pretrained.pt`` without PyTorch.

The shipped weights (``data/voice_encoder.npz``) were made from the
``pretrained.pt`` inside the ``resemblyzer`` 0.1.4 wheel (Apache-2.0) with::

    python -m minuta.transcribe.voice_weights pretrained.pt voice_encoder.npz

That file uses PyTorch's legacy serialisation: a few small pickles, then the
raw bytes of every tensor storage. A pickle can run arbitrary code, so the
unpickler here resolves only the handful of names such a checkpoint needs and
refuses everything else; tensors become NumPy arrays. Only the encoder's own
parameters (not the optimiser state) are kept, in float16: the network runs in
float32 and loses nothing measurable, and the file halves to about 2.8 MB.
"""

from __future__ import annotations

import collections
import io
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

_MAGIC = 0x1950A86A20F9469CFC6C
_STORAGE_DTYPES: dict[str, type[np.generic]] = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
}
# The encoder: a 3-layer LSTM (40 mel bands -> 256) and a 256 -> 256 projection.
ENCODER_KEYS = tuple(
    [f"lstm.{kind}_l{layer}" for layer in range(3) for kind in ("weight_ih", "weight_hh")]
    + [f"lstm.{kind}_l{layer}" for layer in range(3) for kind in ("bias_ih", "bias_hh")]
    + ["linear.weight", "linear.bias"]
)


@dataclass(slots=True)
class _Storage:
    key: str
    dtype: type[np.generic]
    data: np.ndarray | None = None


@dataclass(slots=True)
class _Tensor:
    storage: _Storage
    offset: int
    shape: tuple[int, ...]
    stride: tuple[int, ...]

    def array(self) -> np.ndarray:
        assert self.storage.data is not None
        base = self.storage.data
        itemsize = base.dtype.itemsize
        return np.lib.stride_tricks.as_strided(
            base[self.offset :],
            shape=self.shape,
            strides=tuple(s * itemsize for s in self.stride),
        ).copy()


def _rebuild_tensor(
    storage: _Storage, offset: int, shape: tuple[int, ...], stride: tuple[int, ...], *_: Any
) -> _Tensor:
    return _Tensor(storage, offset, tuple(shape), tuple(stride))


class _StorageType:
    def __init__(self, name: str) -> None:
        self.dtype = _STORAGE_DTYPES[name]


class _RestrictedUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BufferedReader, storages: dict[str, _Storage]) -> None:
        super().__init__(file)
        self._storages = storages

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in (
            ("torch._utils", "_rebuild_tensor_v2"),
            ("torch._utils", "_rebuild_tensor"),
        ):
            return _rebuild_tensor
        if module == "collections" and name == "OrderedDict":
            return collections.OrderedDict
        if module == "torch" and name in _STORAGE_DTYPES:
            return _StorageType(name)
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from a checkpoint")

    def persistent_load(self, pid: Any) -> _Storage:
        kind, storage_type, key = pid[0], pid[1], str(pid[2])
        if kind != "storage" or not isinstance(storage_type, _StorageType):
            raise pickle.UnpicklingError("unexpected persistent object in a checkpoint")
        return self._storages.setdefault(key, _Storage(key, storage_type.dtype))


def _tensors(obj: Any, prefix: str = "") -> dict[str, _Tensor]:
    found: dict[str, _Tensor] = {}
    if isinstance(obj, _Tensor):
        found[prefix] = obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            found.update(_tensors(value, f"{prefix}.{key}" if prefix else str(key)))
    return found


def read_legacy_checkpoint(path: Path) -> dict[str, np.ndarray]:
    """Every tensor in a legacy-format PyTorch checkpoint, by its dotted key path."""
    storages: dict[str, _Storage] = {}
    with path.open("rb") as file:
        if _RestrictedUnpickler(file, storages).load() != _MAGIC:
            raise ValueError(f"{path} is not a legacy PyTorch checkpoint")
        _RestrictedUnpickler(file, storages).load()  # protocol version
        _RestrictedUnpickler(file, storages).load()  # sys info
        root = _RestrictedUnpickler(file, storages).load()
        keys = _RestrictedUnpickler(file, storages).load()
        for key in keys:
            storage = storages[str(key)]
            count = int.from_bytes(file.read(8), "little")
            raw = file.read(count * np.dtype(storage.dtype).itemsize)
            storage.data = np.frombuffer(raw, dtype=storage.dtype)
    return {name: tensor.array() for name, tensor in _tensors(root).items()}


def encoder_weights(path: Path) -> dict[str, np.ndarray]:
    tensors = read_legacy_checkpoint(path)
    return {key: tensors[f"model_state.{key}"] for key in ENCODER_KEYS}


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    weights = {
        key.replace(".", "__"): value.astype(np.float16)
        for key, value in encoder_weights(source).items()
    }
    np.savez(target, **weights)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

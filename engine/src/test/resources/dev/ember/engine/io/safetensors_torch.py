# The PyTorch side of StateDictsTorchTest, without the safetensors package: the format is parsed
# and written here with json + torch.frombuffer, following the spec (huggingface/safetensors).
#   read FILE   parse FILE (asserting the layout rules), print its tensors as JSON
#   write FILE  write a file of torch tensors of every dtype, print what was written as JSON
# JSON out: {"metadata": {...}, "tensors": {name: {"dtype": "torch.x", "shape": [...], "values": [...]}}}
# Non-finite floats are printed as the strings 'inf', '-inf', 'nan'. F16/BF16 values are printed as float32, U8/I8/I16 as int32 (what the engine loads them as).
import json
import math
import struct
import sys

import torch

DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
          "BOOL": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}


def describe(t):
    shown = t
    if t.dtype in (torch.float16, torch.bfloat16):
        shown = t.float()
    elif t.dtype in (torch.uint8, torch.int8, torch.int16):
        shown = t.int()
    values = [v if not isinstance(v, float) or math.isfinite(v) else repr(v) for v in shown.reshape(-1).tolist()]
    return {"dtype": str(t.dtype), "shape": list(t.shape), "values": values}


def read(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    raw = blob[8:8 + n]
    assert n % 8 == 0, "header length %d is not a multiple of 8" % n
    text = raw.decode("utf-8")
    assert text.startswith("{"), "header does not start with '{'"
    body = text.rstrip(" ")
    assert body.endswith("}"), "header padding is not spaces"
    header = json.loads(body)
    data = blob[8 + n:]
    metadata = header.pop("__metadata__", {})
    spans = sorted((v["data_offsets"][0], v["data_offsets"][1]) for v in header.values())
    pos = 0
    for b, e in spans:
        assert b == pos, "offsets not contiguous at %d (expected %d)" % (b, pos)
        pos = e
    assert pos == len(data), "tensors cover %d bytes, data has %d" % (pos, len(data))
    out = {}
    for name, info in header.items():
        b, e = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        chunk = bytearray(data[b:e])
        if len(chunk) == 0:
            t = torch.empty(info["shape"], dtype=dtype)
        else:
            t = torch.frombuffer(chunk, dtype=dtype).reshape(info["shape"])
        out[name] = describe(t)
    return {"metadata": metadata, "tensors": out}


def write(path):
    tensors = {
        "f32": (torch.arange(12, dtype=torch.float32).reshape(3, 4) / 7 - 0.5),
        "f64": torch.linspace(-1, 1, 5, dtype=torch.float64) ** 3 / 3,
        "i64": torch.tensor([[-(2 ** 40), 7], [3, 2 ** 62]], dtype=torch.int64),
        "i32": torch.tensor([-5, 0, 2 ** 31 - 1], dtype=torch.int32),
        "mask": torch.tensor([True, False, True, True]),
        "f16": torch.tensor([0.5, -2.0, 65504.0, 6.1e-5, 1e-7, -0.0, float("inf")], dtype=torch.float16),
        "bf16": torch.tensor([1.5, -3.25, 1e30, 1e-30], dtype=torch.bfloat16),
        "u8": torch.tensor([0, 255, 128], dtype=torch.uint8),
        "i8": torch.tensor([[-128, 127], [0, -1]], dtype=torch.int8),
        "i16": torch.tensor([-32768, 32767, 1], dtype=torch.int16),
        "scalar": torch.tensor(3.5, dtype=torch.float32),
        "empty": torch.zeros(0, 3, dtype=torch.float32),
        "layer.weight": torch.randn(4, 3, generator=torch.Generator().manual_seed(7)),
    }
    # Sorted by name, as the reference writer orders the header.
    header = {"__metadata__": {"format": "pt", "source": "torch " + torch.__version__}}
    chunks = []
    pos = 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        nbytes = t.numel() * t.element_size()
        b = t.reshape(-1).view(torch.uint8).numpy().tobytes() if nbytes else b""
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [pos, pos + nbytes]}
        chunks.append(b)
        pos += nbytes
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)
    return {"metadata": header["__metadata__"], "tensors": {k: describe(v) for k, v in tensors.items()}}


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    result = read(path) if mode == "read" else write(path)
    print(json.dumps(result, allow_nan=False))

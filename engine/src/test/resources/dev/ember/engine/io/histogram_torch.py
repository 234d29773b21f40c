# The histogram oracle for SummaryWriterTest: PyTorch's own code, taken from the installed torch
# (tensorboard is not installed, so torch.utils.tensorboard cannot be imported; its source is
# parsed instead): make_histogram from summary.py and the default_bins loop of
# SummaryWriter.__init__ from writer.py, run on numpy.
#   argv[1:]: files of float.hex() values, one per line
# stdout: per file, one line of JSON {min, max, num, sum, sum_squares, bucket_limit, bucket}
import ast
import json
import os
import sys
import types

import numpy as np
import torch

SRC = os.path.join(os.path.dirname(torch.__file__), "utils", "tensorboard")


def function_source(path, name):
    text = open(path).read()
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node)
    raise SystemExit("no function %s in %s" % (name, path))


# torch 1.13's make_histogram calls np.greater(counts, 0, dtype=np.int32), which numpy >= 1.24
# rejects ("No loop matching the specified signature"); later PyTorch computes the same mask
# without the dtype argument. The same 0/1 mask, spelled so that this numpy accepts it:
BROKEN = "np.greater(counts, 0, dtype=np.int32)"
FIXED = "np.greater(counts, 0).astype(np.int32)"


def default_bins():
    tree = ast.parse(open(os.path.join(SRC, "writer.py")).read())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SummaryWriter")
    init = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    body, taking = [], False
    for stmt in init.body:
        src = ast.unparse(stmt)
        taking = taking or src.startswith("v = 1e-12")
        if taking:
            body.append(stmt)
        if src.startswith("self.default_bins"):
            break
    if not body:
        raise SystemExit("default_bins loop not found in writer.py")
    self = types.SimpleNamespace()
    exec(compile(ast.Module(body=body, type_ignores=[]), "writer.py", "exec"), {"self": self})
    return self.default_bins


namespace = {"np": np, "HistogramProto": lambda **kw: kw}
exec(function_source(os.path.join(SRC, "summary.py"), "make_histogram").replace(BROKEN, FIXED), namespace)

bins = default_bins()
for path in sys.argv[1:]:
    values = np.array([float.fromhex(line) for line in open(path) if line.strip()], dtype=float)
    h = namespace["make_histogram"](values, bins)
    out = {k: (float(v) if np.isscalar(v) else [float(x) for x in v]) for k, v in h.items()}
    print(json.dumps(out))

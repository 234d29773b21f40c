# Runs op-spec rows through real PyTorch (float64) for TorchOracleTest.
# stdin: JSON list of cases {id, expr, inputs: [{kind, shape, data}], weight: {shape, data}}
# stdout, per case: "V id v..." (output), "S id dims..." (output shape),
#                   "G id k v..." (gradient of sum(out * weight) wrt float input k), "E id message".
import json
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def tensor(spec):
    data = torch.tensor(spec["data"], dtype=torch.float64).reshape(spec["shape"])
    if spec["kind"] == "index":
        return data.long()
    if spec["kind"] == "bool":
        return data != 0
    return data.requires_grad_(True)


def fmt(t):
    return " ".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())


for case in json.load(sys.stdin):
    cid = case["id"]
    try:
        ins = [tensor(s) for s in case["inputs"]]
        env = dict(zip("abcdefgh", ins))
        env.update(torch=torch, F=F)
        out = eval(case["expr"], {"__builtins__": __builtins__}, env)
        print("S", cid, " ".join(str(d) for d in out.shape))
        print("V", cid, fmt(out.double() if out.dtype != torch.bool else out.double()))
        if out.requires_grad:
            w = torch.tensor(case["weight"]["data"], dtype=torch.float64).reshape(out.shape)
            floats = [t for t in ins if t.requires_grad]
            grads = torch.autograd.grad((out * w).sum(), floats, allow_unused=True)
            k = 0
            for i, t in enumerate(ins):
                if t.requires_grad:
                    g = grads[k]
                    k += 1
                    if g is not None:
                        print("G", cid, i, fmt(g))
    except Exception as e:  # reported per case, so one bad row does not hide the others
        print("E", cid, type(e).__name__ + ": " + str(e).replace("\n", " "))
    sys.stdout.flush()

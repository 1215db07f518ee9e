#!/usr/bin/python3
"""PyTorch's output for every_op.json: weights, an input and the output, computed with the PyTorch module or
operator each op of docs/MODEL_FORMAT.md names (nn.MultiheadAttention, F.layer_norm, F.gelu(approximate='tanh'),
Python's `2 / x` and `1.5 - x`, ...), not with d3lab's reading of the file.

usage: /usr/bin/python3 tests/workers/engine/every_op.py OUTDIR   (writes weights.pt, input.npy, reference.npy)
"""

import os
import sys

import numpy
import torch
import torch.nn.functional as F


def attention_weights(sd, prefix="attn."):
    """The state_dict of an nn.MultiheadAttention from the entries under prefix."""
    return {k[len(prefix):]: v for k, v in sd.items() if k.startswith(prefix)}


def main(out):
    torch.manual_seed(0)
    sd = {"c.weight": torch.randn(8, 3, 3, 3) * 0.3, "c.bias": torch.randn(8) * 0.1,
          "ln.weight": torch.rand(4) + 0.5, "ln.bias": torch.randn(4) * 0.1, "layer_scale": torch.randn(4),
          "fc.weight": torch.randn(8, 4) * 0.5, "fc.bias": torch.randn(8) * 0.1,
          "attn.in_proj_weight": torch.randn(24, 8) * 0.3, "attn.in_proj_bias": torch.randn(24) * 0.1,
          "attn.out_proj.weight": torch.randn(8, 8) * 0.3, "attn.out_proj.bias": torch.randn(8) * 0.1,
          "tok": torch.randn(1, 1, 8)}
    sd.update({"attn1." + k: torch.randn(v.shape) * 0.3 for k, v in attention_weights(sd).items()})
    attention = torch.nn.MultiheadAttention(8, 2, batch_first=True).eval()  # PyTorch's fast path (even heads)
    attention.load_state_dict(attention_weights(sd))
    attention1 = torch.nn.MultiheadAttention(8, 1, batch_first=True).eval()  # its general path (odd heads)
    attention1.load_state_dict(attention_weights(sd, "attn1."))
    x = torch.randn(1, 3, 8, 8)
    with torch.no_grad():
        act = F.silu(F.conv2d(x, sd["c.weight"], sd["c.bias"], padding=1))
        gate = F.hardsigmoid(F.adaptive_avg_pool2d(act, 1))
        half = F.hardswish(gate * act)[:, 4:8]
        ln = F.layer_norm(half.permute(0, 2, 3, 1), (4,), sd["ln.weight"], sd["ln.bias"], 1e-6)
        tokens = (sd["layer_scale"] * F.gelu(ln, approximate="tanh")).reshape(1, 64, 4)
        fc = F.linear(tokens, sd["fc.weight"], sd["fc.bias"])
        attn = attention(fc, fc, fc, need_weights=False)[0]
        attn1 = attention1(attn, attn, attn, need_weights=False)[0]
        r = 2 / torch.tanh(torch.sigmoid(torch.cat([sd["tok"].expand(1, -1, -1), attn1], 1)))
        m = F.softmax(r @ r.permute(0, 2, 1), 2).mean([1])
        y = (1.5 - m)[:, 3].unsqueeze(-1) + m
    torch.save(sd, os.path.join(out, "weights.pt"))
    numpy.save(os.path.join(out, "input.npy"), x.numpy())
    numpy.save(os.path.join(out, "reference.npy"), y.numpy())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

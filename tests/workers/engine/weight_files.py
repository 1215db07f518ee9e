#!/usr/bin/python3
"""Writes the weight files WeightFileTest loads, for the tiny model of tiny_model.json (conv 3->4, bn, relu,
adaptive average pool, flatten, fc 4->3; input [3, 8, 8]).

usage: /usr/bin/python3 weight_files.py OUTDIR
Good files: good.state_dict.pt, good.torchscript.pt (same weights), good.input.npy, good.reference.npy; the same
weights as a training checkpoint (checkpoint.pt: {'state_dict': ..., 'epoch': 7}), with DataParallel's "module."
names (data_parallel.pt), and both (checkpoint_dp.pt, under 'model_state_dict').
Bad files, one fault each: missing.pt (no fc.bias), extra.pt (fc.scale), wrong_shape.pt (fc.weight [3, 5]),
float64.pt (bn.running_var float64), ordered_dict.pt (the OrderedDict itself, not dict()),
checkpoint_ordered_dict.pt (the same inside a checkpoint), tensor.pt (a bare
tensor), wrong_shape.torchscript.pt (an archive whose fc has 5 outputs).
Exits 2 with one line on stderr if PyTorch or NumPy is missing.
"""

import os
import sys

try:
    import numpy
    import torch
    from torch import nn
except ImportError as e:
    print(f"weight_files.py: needs PyTorch and NumPy for /usr/bin/python3 ({e}); run ./test.sh", file=sys.stderr)
    sys.exit(2)


class Tiny(nn.Module):
    def __init__(self, outputs=3):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4, outputs)

    def forward(self, x):
        x = torch.relu(self.bn(self.conv(x)))
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


def randomised(outputs=3):
    model = Tiny(outputs)
    with torch.no_grad():
        model.bn.weight.uniform_(0.5, 1.5)
        model.bn.bias.uniform_(-0.5, 0.5)
        model.bn.running_mean.uniform_(-0.5, 0.5)
        model.bn.running_var.uniform_(0.5, 1.5)
    return model.eval()


def main():
    out = sys.argv[1]
    torch.set_num_threads(1)
    torch.manual_seed(3)
    model = randomised()
    sd = dict(model.state_dict())
    path = lambda name: os.path.join(out, name)

    torch.save(sd, path("good.state_dict.pt"))
    torch.jit.save(torch.jit.script(model), path("good.torchscript.pt"))
    x = torch.rand(1, 3, 8, 8) * 2 - 1
    with torch.inference_mode():
        y = model(x)
    numpy.save(path("good.input.npy"), x.numpy())
    numpy.save(path("good.reference.npy"), y.numpy())

    # Training checkpoints and DataParallel names, read as the same weights.
    torch.save({"state_dict": sd, "epoch": 7, "best_acc": 0.75}, path("checkpoint.pt"))
    torch.save({"module." + k: v for k, v in sd.items()}, path("data_parallel.pt"))
    torch.save({"model_state_dict": {"module." + k: v for k, v in sd.items()}, "epoch": 3}, path("checkpoint_dp.pt"))

    torch.save({"state_dict": model.state_dict(), "epoch": 7}, path("checkpoint_ordered_dict.pt"))
    torch.save({k: v for k, v in sd.items() if k != "fc.bias"}, path("missing.pt"))
    torch.save({**sd, "fc.scale": torch.ones(3)}, path("extra.pt"))
    torch.save({**sd, "fc.weight": torch.zeros(3, 5)}, path("wrong_shape.pt"))
    torch.save({**sd, "bn.running_var": sd["bn.running_var"].double()}, path("float64.pt"))
    torch.save(model.state_dict(), path("ordered_dict.pt"))
    torch.save(torch.zeros(3), path("tensor.pt"))
    torch.jit.save(torch.jit.script(randomised(5)), path("wrong_shape.torchscript.pt"))


if __name__ == "__main__":
    main()

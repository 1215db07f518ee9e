#!/usr/bin/python3
"""PyTorch reference for d3lab's fidelity checks: a torchvision model with random (but sane) weights, its weights
in both file formats d3lab reads, one input and PyTorch's output for it.

usage: /usr/bin/python3 scripts/torch_reference.py MODEL OUTDIR [--seed N] [--threads N]

MODEL is alexnet, vgg16, resnet18, googlenet or mobilenet_v2. Writes, in OUTDIR:
  MODEL.state_dict.pt    torch.save(dict(model.state_dict()))
  MODEL.torchscript.pt   torch.jit.save(torch.jit.script(model)) (traced if scripting fails)
  MODEL.input.npy        float32 [1, 3, 224, 224], uniform in [-1, 1)
  MODEL.reference.npy    PyTorch's output for that input, float32 [1, 1000]
  MODEL.meta.json        seed, threads, versions, how the archive was made, output statistics

Convolutions and linear layers get a Kaiming-uniform spread (as d3lab's seeded weights do) and small random biases;
batch norms get random affine parameters and running statistics near the identity, so normalisation is not trivial
while activations stay in a sane range. The forward pass runs with --threads intra-op threads (default: PyTorch's
default), which should equal the thread count of the d3lab engine being compared: the CPU convolution backend
PyTorch picks depends on the thread count.

Needs Debian's python3-torch and python3-torchvision (./test.sh installs them). Exits 3 with one line on stderr if
they are missing, 2 on a bad argument, 1 if the reference output is not finite.
"""

import argparse
import json
import math
import os
import sys

MODELS = ("alexnet", "vgg16", "resnet18", "googlenet", "mobilenet_v2")


def fail(code, message):
    print(f"torch_reference.py: {message}", file=sys.stderr)
    sys.exit(code)


def parse_args():
    parser = argparse.ArgumentParser(description="Writes a PyTorch reference (weights, input, output) for d3lab.")
    parser.add_argument("model", choices=MODELS)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads (0: PyTorch's default)")
    args = parser.parse_args()
    if args.threads < 0:
        parser.error("--threads must be >= 0")
    return args


def build(torchvision, name):
    models = torchvision.models
    if name == "googlenet":
        return models.googlenet(weights=None, aux_logits=False, init_weights=False, transform_input=False)
    return getattr(models, name)(weights=None)


def randomise(torch, model, generator):
    nn = torch.nn
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (nn.Conv2d, nn.Linear)):
                fan_in = module.weight[0].numel()
                bound = math.sqrt(6.0 / fan_in)
                module.weight.uniform_(-bound, bound, generator=generator)
                if module.bias is not None:
                    module.bias.uniform_(-1.0 / math.sqrt(fan_in), 1.0 / math.sqrt(fan_in), generator=generator)
            elif isinstance(module, nn.BatchNorm2d):
                module.weight.uniform_(0.7, 1.3, generator=generator)
                module.bias.uniform_(-0.2, 0.2, generator=generator)
                module.running_mean.uniform_(-0.2, 0.2, generator=generator)
                module.running_var.uniform_(0.6, 1.4, generator=generator)
                module.num_batches_tracked.fill_(1)


def main():
    args = parse_args()
    try:
        import numpy
        import torch
        import torchvision
    except ImportError as e:
        fail(3, f"needs PyTorch, torchvision and NumPy for /usr/bin/python3 ({e}); run ./test.sh, which installs "
                "python3-torch python3-torchvision python3-numpy")
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    os.makedirs(args.outdir, exist_ok=True)

    torch.manual_seed(args.seed)
    model = build(torchvision, args.model)
    generator = torch.Generator().manual_seed(args.seed)
    randomise(torch, model, generator)
    model.eval()
    x = torch.rand((1, 3, 224, 224), generator=generator) * 2 - 1

    with torch.inference_mode():
        y = model(x)
    if not torch.isfinite(y).all():
        fail(1, f"{args.model}: the reference output is not finite")

    base = os.path.join(args.outdir, args.model)
    torch.save(dict(model.state_dict()), base + ".state_dict.pt")
    try:
        archive = torch.jit.script(model)
        how = "script"
    except Exception:  # some models do not script; a trace holds the same parameters and buffers
        archive = torch.jit.trace(model, x)
        how = "trace"
    torch.jit.save(archive, base + ".torchscript.pt")
    numpy.save(base + ".input.npy", numpy.ascontiguousarray(x.numpy(), dtype=numpy.float32))
    numpy.save(base + ".reference.npy", numpy.ascontiguousarray(y.numpy(), dtype=numpy.float32))
    meta = {
        "model": args.model,
        "seed": args.seed,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "torchscript": how,
        "output_max_abs": float(y.abs().max()),
        "output_std": float(y.std()),
        "argmax": int(y.argmax()),
    }
    with open(base + ".meta.json", "w") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps(meta))


if __name__ == "__main__":
    main()

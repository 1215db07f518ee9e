"""Weights: loading a user's state_dict, refilling constant tensors from the seed, and the file d3lab reads."""

import torch
import torch.nn as nn

from .errors import ExportError

# Refill of constant tensors (see refill_constants): scales stay near one, everything else gets a small spread.
SCALE_RANGE = (0.5, 1.5)
SPREAD_STD = 0.1
NORM_TYPES = (nn.modules.batchnorm._NormBase, nn.LayerNorm, nn.GroupNorm)


def load_weights(model, path):
    """Loads a state_dict file strictly into the model: a plain dict, a checkpoint holding it under 'state_dict' or
    'model_state_dict', a whole pickled module or a TorchScript archive; DataParallel's 'module.' names stripped."""
    try:
        obj = torch.load(path, map_location="cpu")
    except Exception as e:
        try:
            obj = torch.jit.load(path, map_location="cpu").state_dict()
        except Exception:
            raise ExportError(None, None, "%s: not a PyTorch weights file (%s: %s)" % (path, type(e).__name__,
                                                                                      _first_line(e)))
    if isinstance(obj, nn.Module):
        obj = obj.state_dict()
    if isinstance(obj, dict):
        for key in ("state_dict", "model_state_dict"):
            if isinstance(obj.get(key), dict):
                obj = obj[key]
                break
    if not isinstance(obj, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                            for k, v in obj.items()):
        raise ExportError(None, None, "%s: holds a %s, not a dict of tensors (a state_dict)"
                          % (path, type(obj).__name__))
    if obj and all(k.startswith("module.") for k in obj):
        obj = {k[len("module."):]: v for k, v in obj.items()}
    expected = model.state_dict()
    missing = [k for k in expected if k not in obj]
    unexpected = [k for k in obj if k not in expected]
    if missing or unexpected:
        parts = []
        if missing:
            parts.append("lacks %s" % _some(missing))
        if unexpected:
            parts.append("has %s, which the model does not" % _some(unexpected))
        raise ExportError(None, None, "%s does not fit the model: it %s" % (path, " and ".join(parts)))
    for k, v in obj.items():
        if tuple(v.shape) != tuple(expected[k].shape):
            raise ExportError(None, None, "%s: tensor '%s' has shape %s, the model's %s"
                              % (path, k, list(v.shape), list(expected[k].shape)))
    try:
        model.load_state_dict(obj, strict=True)
    except RuntimeError as e:
        raise ExportError(None, None, "%s: %s" % (path, _first_line(e, skip_header=True)))


def refill_constants(model, seed):
    """Refills every floating-point state_dict tensor of two or more elements that are all equal (zeroed heads and
    biases, unit batch-norm statistics, constant layer scales), so that a check on random data exercises every
    weight: running_var and the weights of normalisation layers uniform in SCALE_RANGE, everything else normal with
    standard deviation SPREAD_STD, drawn in state_dict order from a generator seeded with seed. Returns the keys."""
    generator = torch.Generator().manual_seed(seed)
    modules = dict(model.named_modules())
    refilled = []
    with torch.no_grad():
        for key, t in model.state_dict().items():
            if not t.is_floating_point() or t.numel() < 2 or not bool((t == t.reshape(-1)[0]).all()):
                continue
            prefix, _, suffix = key.rpartition(".")
            fresh = torch.empty(t.shape, dtype=t.dtype)
            if suffix == "running_var" or (suffix == "weight" and isinstance(modules.get(prefix), NORM_TYPES)):
                fresh.uniform_(*SCALE_RANGE, generator=generator)
            else:
                fresh.normal_(0.0, SPREAD_STD, generator=generator)
            t.copy_(fresh)  # state_dict tensors share the module's storage
            refilled.append(key)
    return refilled


def save_weights(path, tensors):
    """Writes the tensors so that d3lab's LibTorch reads them: torch.save of a plain dict (not an OrderedDict), or,
    for exactly one tensor (a dict LibTorch 1.13's unpickler cannot read), a TorchScript archive holding it under
    its name. Returns the kind written."""
    tensors = {k: v.detach().clone().contiguous() for k, v in tensors.items()}
    if len(tensors) != 1:
        torch.save(dict(tensors), path)
        return "state_dict"
    (key, tensor), = tensors.items()
    root = nn.Module()
    owner = root
    *path_parts, leaf = key.split(".")
    for part in path_parts:
        child = nn.Module()
        owner.add_module(part, child)
        owner = child
    owner.register_buffer(leaf, tensor)
    torch.jit.save(torch.jit.script(root), path)
    return "TorchScript"


def _some(keys, n=3):
    shown = ", ".join("'%s'" % k for k in keys[:n])
    return shown + (" and %d more" % (len(keys) - n) if len(keys) > n else "")


def _first_line(e, skip_header=False):
    lines = [l.strip() for l in str(e).strip().splitlines() if l.strip()]
    if skip_header and len(lines) > 1:
        return lines[1]
    return lines[0] if lines else type(e).__name__

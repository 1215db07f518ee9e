"""The check before writing: the exported document, executed by d3model's executor on the module's own weights,
against what PyTorch computed (every layer against the fx node it came from, the output against the module)."""

import torch

from . import format as fmt
from .errors import ExportError

TOLERANCE = 1e-5  # of max|value|


class Result:
    def __init__(self):
        self.tensors = {}  # the tensors the document implies, by its keys, in layer order
        self.sources = {}  # {document key: state_dict key}
        self.learned = 0  # learned parameters the document implies
        self.max_relative = 0.0  # the largest per-layer difference, relative to the layer's max|value|
        self.worst_layer = None
        self.bit_identical = True  # every layer
        self.output_relative = 0.0
        self.output_bit_identical = True


def relative_difference(ours, theirs):
    """max|ours - theirs| / max|theirs| (0 if both are all zero, inf if only theirs is)."""
    diff = (ours - theirs).abs().max().item() if ours.numel() else 0.0
    scale = theirs.abs().max().item() if theirs.numel() else 0.0
    if diff == 0:
        return 0.0
    return diff / scale if scale > 0 else float("inf")


def check(export, state_dict, x, module_output):
    """Validates the document as d3lab's parser does, takes the tensors it implies from state_dict, executes it on x
    and compares. Raises ExportError naming the first layer that differs; returns a Result."""
    doc = export.doc
    result = Result()
    try:
        analyzed = fmt.analyze(doc)
    except fmt.Invalid as e:
        raise ExportError(None, None, "the exported file would not read (an exporter bug): %s" % e)
    for layer, _, tensors in analyzed:
        place, label = export.origins[layer["name"]]
        for key, (shape, learned) in tensors.items():
            source = export.state_dict_key(layer["name"], key)
            t = state_dict.get(source)
            if t is None:
                raise ExportError(place, label, "layer '%s' (%s) needs the tensor '%s', which the state_dict lacks"
                                  % (layer["name"], layer["op"], source))
            if tuple(t.shape) != tuple(shape):
                raise ExportError(place, label, "layer '%s' (%s) needs '%s' of shape %s; the state_dict's is %s"
                                  % (layer["name"], layer["op"], source, list(shape), list(t.shape)))
            if t.is_floating_point() and t.dtype != torch.float32:
                raise ExportError(place, label, "the tensor '%s' is %s; d3lab needs float32 (export model.float())"
                                  % (source, str(t.dtype).replace("torch.", "")))
            result.tensors[key] = t
            result.sources[key] = source
            if learned:
                result.learned += t.numel()

    with torch.no_grad():
        values = fmt.execute(doc, result.tensors, x)
    for layer, shape, _ in analyzed:
        name = layer["name"]
        ours, theirs = values[name], export.references[name]
        place, label = export.origins[name]
        where = "layer '%s' (%s)" % (name, layer["op"])
        if tuple(ours.shape[1:]) != shape:
            raise ExportError(place, label, "%s executes to shape %s where d3lab's parser infers %s (an exporter bug)"
                              % (where, list(ours.shape[1:]), list(shape)))
        if ours.shape != theirs.shape:
            raise ExportError(place, label, "%s has shape %s where PyTorch has %s"
                              % (where, list(ours.shape), list(theirs.shape)))
        rel = relative_difference(ours, theirs)
        if not rel <= TOLERANCE:
            raise ExportError(place, label, "%s differs from PyTorch by %.3g of max|value| %.4g (tolerance %g)"
                              % (where, rel, theirs.abs().max().item(), TOLERANCE))
        if rel > result.max_relative:
            result.max_relative, result.worst_layer = rel, name
        result.bit_identical = result.bit_identical and torch.equal(ours, theirs)

    ours = values[doc["layers"][-1]["name"]]
    if not isinstance(module_output, torch.Tensor) or module_output.shape != ours.shape:
        raise ExportError("output", None, "the module's own forward gives %s, the exported model %s"
                          % (_shape_text(module_output), list(ours.shape)))
    result.output_relative = relative_difference(ours, module_output)
    result.output_bit_identical = torch.equal(ours, module_output)
    if not result.output_relative <= TOLERANCE:
        raise ExportError("output", None, "differs from the module's own forward by %.3g of max|y| (tolerance %g)"
                          % (result.output_relative, TOLERANCE))
    if ours.argmax().item() != module_output.argmax().item():
        raise ExportError("output", None, "its argmax differs from that of the module's own forward")
    return result


def _shape_text(v):
    return list(v.shape) if isinstance(v, torch.Tensor) else "a %s" % type(v).__name__

"""The d3lab model format in Python: a mirror of the C++ parser (analyze) and an executor (execute).

docs/MODEL_FORMAT.md is the contract; core/graph/ModelParser.cpp and LayerAnalyzer.cpp implement it in d3lab.
analyze() validates a document as the parser does (names, inputs, attributes, shapes, every output consumed) and
yields every layer's output shape and the state_dict tensors it implies. execute() runs a document on a batch with
torch.nn.functional, computing for every op exactly what its PyTorch counterpart computes in eval mode.

Shapes in a document never include the batch dimension, and a `dim` attribute counts from 0 = PyTorch's dimension
1. In execute(), every tensor carries the batch dimension in front: the input's batch, or 1 for a `parameter`.
"""

import json
import re

import torch
import torch.nn.functional as F

MODEL_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
LAYER_NAME = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")
MAX_RANK = 6


class Invalid(Exception):
    """A document the C++ parser would refuse; the message names the layer and the field."""


# --------------------------------------------------------------------------------------------------------------
# Attributes: op -> {key: (kind, default)}; a default of REQUIRED makes the attribute required.
# --------------------------------------------------------------------------------------------------------------

REQUIRED = object()

_WINDOW = {"kernel_size": ("pair1", REQUIRED), "stride": ("pair1", None), "padding": ("pair0", 0),
           "ceil_mode": ("bool", False)}
_NONE = {}

ATTRIBUTES = {
    "conv2d": {"in_channels": ("int1", None), "out_channels": ("int1", REQUIRED), "kernel_size": ("pair1", REQUIRED),
               "stride": ("pair1", 1), "padding": ("pair0", 0), "dilation": ("pair1", 1), "groups": ("int1", 1),
               "bias": ("bool", True)},
    "batchnorm2d": {"num_features": ("int1", None), "eps": ("number0", 1e-5)},
    "layer_norm": {"normalized_shape": ("shape", REQUIRED), "eps": ("number0", 1e-5),
                   "elementwise_affine": ("bool", True)},
    "relu": _NONE, "relu6": _NONE, "silu": _NONE, "sigmoid": _NONE, "tanh": _NONE, "hardswish": _NONE,
    "hardsigmoid": _NONE,
    "leaky_relu": {"negative_slope": ("number0", 0.01)},
    "gelu": {"approximate": ("approximate", "none")},
    "maxpool2d": dict(_WINDOW, dilation=("pair1", 1)),
    "avgpool2d": dict(_WINDOW, count_include_pad=("bool", True)),
    "adaptive_avgpool2d": {"output_size": ("pair1", REQUIRED)},
    "mean": {"dims": ("dims", REQUIRED), "keepdim": ("bool", False)},
    "lrn": {"size": ("int1", REQUIRED), "alpha": ("number0", 1e-4), "beta": ("number0", 0.75), "k": ("number0", 1.0)},
    "dropout": {"p": ("probability", 0.5)},
    "flatten": _NONE,
    "reshape": {"shape": ("shape", REQUIRED)},
    "permute": {"dims": ("dims", REQUIRED)},
    "slice": {"dim": ("int0", 0), "start": ("int0", 0), "end": ("int1", REQUIRED), "step": ("int1", 1)},
    "select": {"dim": ("int0", 0), "index": ("int0", REQUIRED)},
    "concat": {"dim": ("int0", 0)},
    "linear": {"in_features": ("int1", None), "out_features": ("int1", REQUIRED), "bias": ("bool", True)},
    "matmul": _NONE,
    "multihead_attention": {"embed_dim": ("int1", REQUIRED), "num_heads": ("int1", REQUIRED), "bias": ("bool", True)},
    "add": {"scalar": ("number", None)},
    "sub": {"scalar": ("number", None), "reverse": ("bool", False)},
    "mul": {"scalar": ("number", None), "reverse": ("bool", False)},
    "div": {"scalar": ("number", None), "reverse": ("bool", False)},
    "softmax": {"dim": ("int0", 0)},
    "parameter": {"shape": ("shape", REQUIRED), "batch_dim": ("bool", False)},
}

FEATURE_MAP_OPS = {"conv2d", "batchnorm2d", "maxpool2d", "avgpool2d", "adaptive_avgpool2d", "lrn"}
SAME_SHAPE_OPS = {"relu", "relu6", "silu", "sigmoid", "tanh", "hardswish", "hardsigmoid", "leaky_relu", "gelu",
                  "lrn", "dropout", "softmax", "batchnorm2d", "layer_norm"}
BINARY_OPS = {"add", "sub", "mul", "div"}


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _valid(kind, v):
    if kind in ("int0", "int1"):
        return _is_int(v) and v >= int(kind[-1]) and v <= 10 ** 9
    if kind in ("pair0", "pair1"):
        low = int(kind[-1])
        items = v if isinstance(v, list) and len(v) == 2 else [v]
        return all(_is_int(x) and low <= x <= 10 ** 6 for x in items)
    if kind == "bool":
        return isinstance(v, bool)
    if kind == "number":
        return _is_number(v)
    if kind == "number0":
        return _is_number(v) and v >= 0
    if kind == "probability":
        return _is_number(v) and 0 <= v <= 1
    if kind == "approximate":
        return v in ("none", "tanh")
    if kind == "shape":
        return isinstance(v, list) and 1 <= len(v) <= MAX_RANK and all(_is_int(x) and 1 <= x <= 10 ** 9 for x in v)
    if kind == "dims":
        return isinstance(v, list) and 1 <= len(v) <= MAX_RANK and all(_is_int(x) and x >= 0 for x in v)
    raise AssertionError(kind)


def read_attributes(op, attributes, where=""):
    """The op's attributes with defaults filled in; Invalid on an unknown, malformed or missing attribute."""
    spec = ATTRIBUTES[op]
    if not isinstance(attributes, dict):
        raise Invalid(where + "field 'attributes': must be a JSON object")
    for key in attributes:
        if key not in spec:
            allowed = ", ".join(spec) if spec else "it takes none"
            raise Invalid(where + "field 'attributes.%s': is not an attribute of %s (%s)" % (key, op, allowed))
    out = {}
    for key, (kind, default) in spec.items():
        if key in attributes:
            if not _valid(kind, attributes[key]):
                raise Invalid(where + "field 'attributes.%s': malformed (%s)" % (key, kind))
            out[key] = attributes[key]
        elif default is REQUIRED:
            raise Invalid(where + "field 'attributes.%s': is required" % key)
        else:
            out[key] = default
    return out


def pair(v):
    if isinstance(v, bool):
        raise Invalid("a boolean is not a pair")
    return (v, v) if isinstance(v, int) else (v[0], v[1])


def window_output(n, kernel, stride, padding, dilation, ceil_mode):
    span = n + 2 * padding - dilation * (kernel - 1) - 1
    if span < 0:
        return 0
    out = (span + (stride - 1 if ceil_mode else 0)) // stride + 1
    if ceil_mode and (out - 1) * stride >= n + padding:
        out -= 1
    return out


def broadcast(shapes):
    """NumPy's broadcasting of shapes aligned at the last dimension; None if they do not broadcast."""
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(-rank, 0):
        sizes = {s[i] for s in shapes if len(s) >= -i} - {1}
        if len(sizes) > 1:
            return None
        out.append(sizes.pop() if sizes else 1)
    return tuple(out)


def numel(shape):
    n = 1
    for v in shape:
        n *= v
    return n


# --------------------------------------------------------------------------------------------------------------
# analyze: the parser's rules
# --------------------------------------------------------------------------------------------------------------

def analyze(doc):
    """Validates a document as the C++ parser does. Returns [(layer, output shape, {key: (shape, learned)})]."""
    if doc.get("format") != "d3lab-model" or doc.get("version") != 1:
        raise Invalid("format/version")
    if not isinstance(doc.get("name"), str) or not MODEL_NAME.match(doc["name"]):
        raise Invalid("field 'name': must be 1-64 characters of letters, digits, '_', '.', '-'")
    if set(doc) - {"format", "version", "name", "description", "input", "layers"}:
        raise Invalid("unknown top-level field %s" % sorted(set(doc) - {"format", "version", "name", "description",
                                                                      "input", "layers"}))
    input_name = doc["input"].get("name", "input")
    input_shape = doc["input"]["shape"]
    if not (isinstance(input_shape, list) and len(input_shape) == 3
            and all(_is_int(v) and 1 <= v <= 10 ** 6 for v in input_shape)):
        raise Invalid("field 'input.shape': must be [C, H, W] with positive integers")
    if not LAYER_NAME.match(input_name):
        raise Invalid("field 'input.name': must be dot-separated words of letters, digits, '_' and '-'")
    if not isinstance(doc.get("layers"), list) or not doc["layers"]:
        raise Invalid("field 'layers': must be a non-empty array of layers")
    shapes = {input_name: tuple(input_shape)}
    used = {input_name: False}
    order = [input_name]
    keys = {}
    out = []
    for index, l in enumerate(doc["layers"]):
        name, op = l.get("name"), l.get("op")
        where = "layer '%s' (#%d), " % (name, index)
        if set(l) - {"name", "op", "inputs", "attributes"}:
            raise Invalid(where + "unknown layer field %s" % sorted(set(l) - {"name", "op", "inputs", "attributes"}))
        if not isinstance(name, str) or not LAYER_NAME.match(name):
            raise Invalid(where + "field 'name': must be dot-separated words of letters, digits, '_' and '-'")
        if name in shapes:
            raise Invalid(where + "field 'name': duplicate name")
        if op not in ATTRIBUTES:
            raise Invalid(where + "field 'op': unknown op '%s'" % op)
        a = read_attributes(op, l.get("attributes", {}), where)
        if op == "parameter":
            if "inputs" in l:
                raise Invalid(where + "field 'inputs': a parameter has no inputs")
            inputs = []
        else:
            inputs = l.get("inputs", [order[-1]])
            if not isinstance(inputs, list) or not inputs:
                raise Invalid(where + "field 'inputs': must be a non-empty array of tensor names")
        for i in inputs:
            if i not in shapes:
                raise Invalid(where + "field 'inputs': unknown input '%s'" % i)
            used[i] = True
        shape, tensors = _infer(name, op, a, [shapes[i] for i in inputs], where)
        if not 1 <= len(shape) <= MAX_RANK or any(v < 1 for v in shape):
            raise Invalid(where + "output shape %s: must have 1 to %d dimensions, none empty" % (list(shape), MAX_RANK))
        for key in tensors:
            if key in keys:
                raise Invalid(where + "its tensor '%s' is also implied by layer '%s'" % (key, keys[key]))
            keys[key] = name
        shapes[name] = tuple(shape)
        used[name] = False
        order.append(name)
        out.append((l, tuple(shape), tensors))
    unused = [n for n in order[:-1] if not used[n]]
    if unused:
        raise Invalid("outputs never used: %s" % unused)
    return out


def _infer(name, op, a, ins, where):
    """Output shape and implied tensors {key: (shape, learned)} of one layer."""

    def fail(field, message):
        raise Invalid(where + "field '%s': %s" % (field, message))

    counts = {"parameter": (0, 0), "add": (1, None), "concat": (1, None), "sub": (1, 2), "mul": (1, 2),
              "div": (1, 2), "matmul": (2, 2)}
    low, high = counts.get(op, (1, 1))
    if len(ins) < low or (high is not None and len(ins) > high):
        fail("inputs", "%s takes %s inputs, got %d" % (op, low if low == high else "%s..%s" % (low, high or "n"),
                                                        len(ins)))
    if op in FEATURE_MAP_OPS and len(ins[0]) != 3:
        fail("inputs", "%s needs a [C, H, W] feature map, got %s" % (op, list(ins[0])))
    x = ins[0] if ins else ()
    tensors = {}
    if op in ("conv2d", "maxpool2d", "avgpool2d"):
        k = pair(a["kernel_size"])
        st = pair(a["stride"] if a["stride"] is not None else a["kernel_size"])
        p = pair(a["padding"])
        d = pair(a.get("dilation", 1))
        if op != "conv2d" and (2 * p[0] > k[0] or 2 * p[1] > k[1]):
            fail("attributes.padding", "padding must be at most half the kernel size")
        oh = window_output(x[1], k[0], st[0], p[0], d[0], a.get("ceil_mode", False))
        ow = window_output(x[2], k[1], st[1], p[1], d[1], a.get("ceil_mode", False))
        if oh < 1 or ow < 1:
            fail("attributes.kernel_size", "the window does not fit the input %s" % list(x))
        if op != "conv2d":
            return (x[0], oh, ow), tensors
        g, cout = a["groups"], a["out_channels"]
        if x[0] % g or cout % g:
            fail("attributes.groups",
                 "groups %d must divide the input channels %d and out_channels %d" % (g, x[0], cout))
        if a["in_channels"] not in (None, x[0]):
            fail("attributes.in_channels", "says %d but the input has %d channels" % (a["in_channels"], x[0]))
        tensors[name + ".weight"] = ((cout, x[0] // g, k[0], k[1]), True)
        if a["bias"]:
            tensors[name + ".bias"] = ((cout,), True)
        return (cout, oh, ow), tensors
    if op == "batchnorm2d":
        if a["num_features"] not in (None, x[0]):
            fail("attributes.num_features", "says %d but the input has %d channels" % (a["num_features"], x[0]))
        c = (x[0],)
        tensors = {name + ".weight": (c, True), name + ".bias": (c, True), name + ".running_mean": (c, False),
                   name + ".running_var": (c, False), name + ".num_batches_tracked": ((), False)}
        return x, tensors
    if op == "layer_norm":
        ns = tuple(a["normalized_shape"])
        if len(ns) > len(x) or x[len(x) - len(ns):] != ns:
            fail("attributes.normalized_shape",
                 "%s is not the trailing dimensions of the input %s" % (list(ns), list(x)))
        if a["elementwise_affine"]:
            tensors = {name + ".weight": (ns, True), name + ".bias": (ns, True)}
        return x, tensors
    if op in ("softmax",):
        if a["dim"] >= len(x):
            fail("attributes.dim", "%d is not a dimension of the input %s" % (a["dim"], list(x)))
        return x, tensors
    if op in SAME_SHAPE_OPS:
        return x, tensors
    if op == "adaptive_avgpool2d":
        return (x[0],) + pair(a["output_size"]), tensors
    if op == "mean":
        dims = a["dims"]
        if len(set(dims)) != len(dims) or max(dims) >= len(x):
            fail("attributes.dims", "%s must be distinct dimensions of the input %s" % (dims, list(x)))
        if a["keepdim"]:
            return tuple(1 if i in dims else v for i, v in enumerate(x)), tensors
        return tuple(v for i, v in enumerate(x) if i not in dims), tensors
    if op == "flatten":
        return (numel(x),), tensors
    if op == "reshape":
        if numel(a["shape"]) != numel(x):
            fail("attributes.shape",
                 "%s does not hold the %d elements of the input %s" % (a["shape"], numel(x), list(x)))
        return tuple(a["shape"]), tensors
    if op == "permute":
        if sorted(a["dims"]) != list(range(len(x))):
            fail("attributes.dims", "%s is not a permutation of the %d dimensions of the input" % (a["dims"], len(x)))
        return tuple(x[d] for d in a["dims"]), tensors
    if op in ("slice", "select"):
        dim = a["dim"]
        if dim >= len(x):
            fail("attributes.dim", "%d is not a dimension of the input %s" % (dim, list(x)))
        if op == "select":
            if a["index"] >= x[dim]:
                fail("attributes.index", "%d is outside dimension %d of size %d" % (a["index"], dim, x[dim]))
            return x[:dim] + x[dim + 1:], tensors
        if not a["start"] < a["end"] <= x[dim]:
            fail("attributes.end", "[%d, %d) is not a non-empty range of dimension %d of size %d"
                 % (a["start"], a["end"], dim, x[dim]))
        size = (a["end"] - a["start"] + a["step"] - 1) // a["step"]
        return x[:dim] + (size,) + x[dim + 1:], tensors
    if op == "concat":
        dim = a["dim"]
        for s in ins:
            if len(s) != len(x) or dim >= len(s) or s[:dim] + s[dim + 1:] != x[:dim] + x[dim + 1:]:
                fail("inputs", "concat along dimension %d needs inputs equal in all others, got %s and %s"
                     % (dim, list(x), list(s)))
        return x[:dim] + (sum(s[dim] for s in ins),) + x[dim + 1:], tensors
    if op == "linear":
        if a["in_features"] not in (None, x[-1]):
            fail("attributes.in_features", "says %d but the input's last dimension is %d" % (a["in_features"], x[-1]))
        out_f = a["out_features"]
        tensors[name + ".weight"] = ((out_f, x[-1]), True)
        if a["bias"]:
            tensors[name + ".bias"] = ((out_f,), True)
        return x[:-1] + (out_f,), tensors
    if op == "matmul":
        p, q = ins
        if len(p) < 2 or len(q) < 2:
            fail("inputs", "matmul needs inputs of rank 2 or more, got %s and %s" % (list(p), list(q)))
        lead = broadcast([p[:-2], q[:-2]]) if p[:-2] or q[:-2] else ()
        if p[-1] != q[-2] or lead is None:
            fail("inputs", "cannot multiply %s by %s" % (list(p), list(q)))
        return tuple(lead) + (p[-2], q[-1]), tensors
    if op == "multihead_attention":
        e, h = a["embed_dim"], a["num_heads"]
        if len(x) != 2 or x[1] != e:
            fail("inputs", "multihead_attention needs a [T, %d] input, got %s" % (e, list(x)))
        if e % h:
            fail("attributes.num_heads", "%d does not divide embed_dim %d" % (h, e))
        tensors = {name + ".in_proj_weight": ((3 * e, e), True), name + ".out_proj.weight": ((e, e), True)}
        if a["bias"]:
            tensors[name + ".in_proj_bias"] = ((3 * e,), True)
            tensors[name + ".out_proj.bias"] = ((e,), True)
        return x, tensors
    if op in BINARY_OPS:
        has_scalar = a["scalar"] is not None
        if has_scalar != (len(ins) == 1):
            fail("inputs", "%s takes %s" % (op, "two or more inputs, or one input and a scalar" if op == "add"
                                               else "two inputs, or one input and a scalar"))
        if a.get("reverse") and not has_scalar:
            fail("attributes.reverse", "needs a scalar")
        shape = broadcast(ins)
        if shape is None:
            fail("inputs", "%s cannot broadcast %s" % (op, " and ".join(str(list(s)) for s in ins)))
        return shape, tensors
    if op == "parameter":
        shape = tuple(a["shape"])
        tensors[name] = (((1,) + shape) if a["batch_dim"] else shape, True)
        return shape, tensors
    raise AssertionError(op)


# --------------------------------------------------------------------------------------------------------------
# execute: every op in PyTorch, on tensors that carry the batch dimension
# --------------------------------------------------------------------------------------------------------------

def _aligned(tensors):
    """Inputs of a broadcasting op with the format's rank alignment: a tensor of lower rank gets dimensions of 1
    after its batch dimension, so that format shapes align at their last dimension."""
    rank = max(t.dim() for t in tensors)
    return [t if t.dim() == rank else t.reshape((t.shape[0],) + (1,) * (rank - t.dim()) + tuple(t.shape[1:]))
            for t in tensors]


def multihead_attention(x, embed_dim, num_heads, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias):
    """nn.MultiheadAttention(embed_dim, num_heads, batch_first=True, bias=...)(x, x, x, need_weights=False)[0] in
    eval mode, with the module's own choice between its fast path and the general one (torch 1.13)."""
    tensors = (x, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias)
    fast = (num_heads % 2 == 0 and in_proj_bias is not None and not torch.is_autocast_enabled()
            and not (torch.is_grad_enabled() and any(t is not None and t.requires_grad for t in tensors)))
    if fast:
        return torch._native_multi_head_attention(x, x, x, embed_dim, num_heads, in_proj_weight, in_proj_bias,
                                                  out_proj_weight, out_proj_bias, None, False, True, None)[0]
    q = x.transpose(1, 0)
    out, _ = F.multi_head_attention_forward(q, q, q, embed_dim, num_heads, in_proj_weight, in_proj_bias, None, None,
                                            False, 0.0, out_proj_weight, out_proj_bias, training=False,
                                            key_padding_mask=None, need_weights=False, attn_mask=None)
    return out.transpose(1, 0)


def execute(doc, params, x):
    """Runs the document's graph on a batch x with the tensors in params (a state_dict). Returns {name: tensor},
    the input included, every tensor with its batch dimension."""
    values = {doc["input"].get("name", "input"): x}
    last = doc["input"].get("name", "input")
    for l in doc["layers"]:
        name, op = l["name"], l["op"]
        a = read_attributes(op, l.get("attributes", {}), "layer '%s': " % name)
        ins = [values[i] for i in l.get("inputs", [] if op == "parameter" else [last])]
        values[name] = _run(name, op, a, ins, params)
        last = name
    return values


def _run(name, op, a, ins, params):
    t = ins[0] if ins else None
    if op == "conv2d":
        return F.conv2d(t, params[name + ".weight"], params.get(name + ".bias") if a["bias"] else None,
                        pair(a["stride"]), pair(a["padding"]), pair(a["dilation"]), a["groups"])
    if op == "batchnorm2d":
        return F.batch_norm(t, params[name + ".running_mean"], params[name + ".running_var"], params[name + ".weight"],
                            params[name + ".bias"], False, 0.0, a["eps"])
    if op == "layer_norm":
        affine = a["elementwise_affine"]
        return F.layer_norm(t, a["normalized_shape"], params[name + ".weight"] if affine else None,
                            params[name + ".bias"] if affine else None, a["eps"])
    if op in _UNARY:
        return _UNARY[op](t)
    if op == "leaky_relu":
        return F.leaky_relu(t, a["negative_slope"])
    if op == "gelu":
        return F.gelu(t, approximate=a["approximate"])
    if op == "maxpool2d":
        k = pair(a["kernel_size"])
        stride = pair(a["stride"]) if a["stride"] is not None else k
        return F.max_pool2d(t, k, stride, pair(a["padding"]), pair(a["dilation"]), a["ceil_mode"])
    if op == "avgpool2d":
        k = pair(a["kernel_size"])
        stride = pair(a["stride"]) if a["stride"] is not None else k
        return F.avg_pool2d(t, k, stride, pair(a["padding"]), a["ceil_mode"], a["count_include_pad"])
    if op == "adaptive_avgpool2d":
        return F.adaptive_avg_pool2d(t, pair(a["output_size"]))
    if op == "mean":
        return t.mean([d + 1 for d in a["dims"]], keepdim=a["keepdim"])
    if op == "lrn":
        return F.local_response_norm(t, a["size"], a["alpha"], a["beta"], a["k"])
    if op == "dropout":
        return t  # identity at inference
    if op == "flatten":
        return torch.flatten(t, 1)
    if op == "reshape":
        return t.reshape([t.shape[0]] + a["shape"])
    if op == "permute":
        return t.permute([0] + [d + 1 for d in a["dims"]])
    if op == "slice":
        index = (slice(None),) * (a["dim"] + 1) + (slice(a["start"], a["end"], a["step"]),)
        return t[index]
    if op == "select":
        return t.select(a["dim"] + 1, a["index"])
    if op == "concat":
        batch = max(i.shape[0] for i in ins)  # a parameter (batch of one) joins the batch
        return torch.cat([i.expand((batch,) + tuple(i.shape[1:])) for i in ins], a["dim"] + 1)
    if op == "linear":
        return F.linear(t, params[name + ".weight"], params.get(name + ".bias") if a["bias"] else None)
    if op == "matmul":
        return torch.matmul(*_aligned(ins))
    if op == "multihead_attention":
        bias = a["bias"]
        return multihead_attention(t, a["embed_dim"], a["num_heads"], params[name + ".in_proj_weight"],
                                   params[name + ".in_proj_bias"] if bias else None, params[name + ".out_proj.weight"],
                                   params[name + ".out_proj.bias"] if bias else None)
    if op in BINARY_OPS:
        s = a["scalar"]
        if s is None:
            y, *rest = _aligned(ins)
            for other in rest:
                y = _BINARY[op](y, other)
            return y
        if not a.get("reverse"):
            return _BINARY[op](t, s)
        if op == "div":
            return t.reciprocal() * s  # Python's scalar / x
        return _BINARY[op](s, t)
    if op == "softmax":
        return F.softmax(t, a["dim"] + 1)
    if op == "parameter":
        p = params[name]
        return p if a["batch_dim"] else p.unsqueeze(0)
    raise Invalid("cannot execute op " + op)


_UNARY = {"relu": F.relu, "relu6": F.relu6, "silu": F.silu, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
          "hardswish": F.hardswish, "hardsigmoid": F.hardsigmoid}
_BINARY = {"add": lambda p, q: p + q, "sub": lambda p, q: p - q, "mul": lambda p, q: p * q,
           "div": lambda p, q: p / q}


# --------------------------------------------------------------------------------------------------------------
# JSON text
# --------------------------------------------------------------------------------------------------------------

def dumps(doc):
    """The document as d3lab writes model files: the header fields one per line, then one layer per line."""
    head = ['  "format": "d3lab-model"', '  "version": 1', '  "name": %s' % json.dumps(doc["name"])]
    if "description" in doc:
        head.append('  "description": %s' % json.dumps(doc["description"]))
    head.append('  "input": %s' % json.dumps(doc["input"]))
    layers = ",\n".join("    " + json.dumps(l) for l in doc["layers"])
    return "{\n" + ",\n".join(head) + ',\n  "layers": [\n' + layers + "\n  ]\n}\n"

"""How each PyTorch op becomes layers of the model format.

A handler takes the node's context (convert.Node: its recorded value cx.out, cx.fail, cx.emit, cx.operand, cx.dim)
and the node's arguments with fx nodes replaced by their values (Value, Weight, Items or Python values), bound to the
handler's own signature (that of the PyTorch function it handles). It returns the node's value: a Value from
cx.emit, an argument (an alias: no layer), or Items. Modules get the module instance after cx.

PyTorch dimensions count the batch; cx.dim() turns them into the format's (PyTorch's dimension 1 is the format's 0)
and refuses the batch dimension itself.
"""

import inspect
import operator

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.ops

from .trace import leaf_type
from .values import Items, Unavailable, Value, Weight, is_tensor


class Handler:
    def __init__(self, fn, shape_args=False, weights_ok=False):
        self.fn, self.shape_args, self.weights_ok = fn, shape_args, weights_ok
        self.signature = inspect.signature(fn)

    def call(self, cx, args, kwargs):
        try:
            bound = self.signature.bind(cx, *args, **kwargs)
        except TypeError as e:
            cx.fail("is called with arguments the exporter does not know (%s)" % e)
        return self.fn(*bound.args, **bound.kwargs)


FUNCTIONS, METHODS, MODULES = {}, {}, {}


def handles(*targets, shape_args=False, weights_ok=False):
    """Registers a handler for functions (callables), tensor methods (strings) and leaf module classes.
    shape_args: the op's number arguments only restate its output shape, which is taken from the recording (so
    they may depend on the batch size). weights_ok: it may take weights alone (an alias, an item of a tuple)."""

    def register(fn):
        handler = Handler(fn, shape_args, weights_ok)
        for t in targets:
            if isinstance(t, str):
                METHODS[t] = handler
            elif isinstance(t, type):
                MODULES[t] = handler
            else:
                FUNCTIONS[t] = handler
        return fn

    return register


def lookup(cx):
    node = cx.node
    if node.op == "call_module":
        cls = leaf_type(cx.module)
        return MODULES.get(cls) if cls is not None else None
    if node.op == "call_method":
        return METHODS.get(node.target)
    if node.op == "call_function":
        try:
            return FUNCTIONS.get(node.target)
        except TypeError:
            return None
    return None


# --------------------------------------------------------------------------------------------------------------
# Python values computed from tensors: sizes are fine, tensor contents are not
# --------------------------------------------------------------------------------------------------------------

SIZE_ATTRIBUTES = {"shape", "ndim", "dtype", "device", "is_cuda", "layout", "requires_grad", "is_sparse",
                   "is_quantized"}
SIZE_METHODS = {"size", "dim", "ndimension", "numel", "nelement", "get_device", "is_contiguous",
                "is_floating_point", "is_complex"}


def check_python_value(cx, args):
    """A node that yields no tensor may read a tensor's size, not its contents (which the format cannot carry)."""
    node = cx.node
    if not any(is_tensor(a) for a in _flat(args)):
        return
    if node.op == "call_function" and node.target is getattr and args[1] in SIZE_ATTRIBUTES:
        return
    if node.op == "call_method" and node.target in SIZE_METHODS:
        return
    if node.op == "call_function" and node.target in (torch.numel, torch._assert):
        return
    cx.fail("reads tensor values into Python, which the model format cannot express")


def _flat(args):
    for a in args:
        if isinstance(a, (list, tuple)) and not isinstance(a, Items):
            yield from _flat(a)
        else:
            yield a


# --------------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------------

def compact(v):
    """A pair attribute as d3lab writes it: an integer when both are equal."""
    if isinstance(v, int):
        return v
    v = tuple(v)
    if len(v) == 1:
        return v[0]
    return v[0] if v[0] == v[1] else [v[0], v[1]]


def as_pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def alias(cx, v):
    """The node computes its input unchanged: no layer."""
    if not is_tensor(v):
        cx.fail("expects a tensor, got %r" % (v,))
    return v


def owner(cx, **tensors):
    """The layer name P that functional weights given as get_attr tensors named P.<suffix> dictate, or None when
    none is given."""
    prefix = None
    for suffix, w in tensors.items():
        if w is None:
            continue
        if not isinstance(w, Weight):
            cx.fail("its %s is computed, not a tensor of the state_dict" % suffix)
        p, _, s = w.key.rpartition(".")
        if s != suffix or not p:
            cx.fail("its %s is '%s'; it must be named <layer>.%s so that the layer can own it"
                    % (suffix, w.key, suffix))
        if prefix not in (None, p):
            cx.fail("its tensors belong to different layers ('%s' and '%s')" % (prefix, p))
        if w.key in cx.converter.params:
            cx.fail("uses the tensor '%s' as a value and as the weight of a layer; the model format gives each tensor "
                    "to one layer" % w.key)
        prefix = p
    for w in tensors.values():
        if w is not None:
            cx.converter.owned.add(w.key)
    return prefix


def feature_map(cx, x):
    x = cx.operand(x)
    if x.rank != 3:
        cx.fail("needs a [N, C, H, W] feature map, got a tensor of shape %s" % ([1] + list(x.shape)))
    return x


def unary(op):
    """A handler for an activation function: its other arguments (inplace) change nothing at inference."""
    def handler(cx, input, *args, **kwargs):
        return cx.emit(op, [cx.operand(input)])
    return handler


# --------------------------------------------------------------------------------------------------------------
# Modules
# --------------------------------------------------------------------------------------------------------------

def conv_padding(cx, padding, kernel, dilation):
    if padding == "valid":
        return (0, 0)
    if padding == "same":
        total = [d * (k - 1) for k, d in zip(kernel, dilation)]
        if any(t % 2 for t in total):
            cx.fail("padding='same' with an even kernel pads unequally, which the model format cannot express")
        return tuple(t // 2 for t in total)
    return as_pair(padding)


def conv_attributes(cin, cout, kernel, stride, padding, dilation, groups, bias):
    a = {"in_channels": cin, "out_channels": cout, "kernel_size": compact(kernel), "stride": compact(stride),
         "padding": compact(padding)}
    if compact(dilation) != 1:
        a["dilation"] = compact(dilation)
    if groups != 1:
        a["groups"] = groups
    a["bias"] = bias
    return a


@handles(nn.Conv2d)
def conv2d_module(cx, m, input):
    if m.padding_mode != "zeros":
        cx.fail("padding_mode '%s'; the model format pads with zeros only" % m.padding_mode)
    padding = conv_padding(cx, m.padding, m.kernel_size, m.dilation)
    attributes = conv_attributes(m.in_channels, m.out_channels, m.kernel_size, m.stride, padding, m.dilation,
                                 m.groups, m.bias is not None)
    return cx.emit("conv2d", [feature_map(cx, input)], attributes, fixed=cx.node.target, owns=True)


@handles(F.conv2d, torch.conv2d)
def conv2d_function(cx, input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    name = owner(cx, weight=weight, bias=bias)
    if name is None or weight.tensor.dim() != 4:
        cx.fail("needs a 4-dimensional weight from the state_dict")
    w = weight.tensor
    kernel = tuple(w.shape[2:])
    padding = conv_padding(cx, padding, kernel, as_pair(dilation))
    attributes = conv_attributes(w.shape[1] * groups, w.shape[0], kernel, as_pair(stride), padding, as_pair(dilation),
                                 groups, bias is not None)
    return cx.emit("conv2d", [feature_map(cx, input)], attributes, fixed=name, owns=True)


def bn_attributes(num_features, eps):
    return {"num_features": num_features, **({"eps": eps} if eps != 1e-5 else {})}


@handles(nn.BatchNorm2d)
def batchnorm2d_module(cx, m, input):
    if m.running_mean is None or not m.track_running_stats:
        cx.fail("does not track running statistics (track_running_stats=False): in eval mode it normalises with the "
                "batch's own, which the model format cannot express")
    if not m.affine:
        cx.fail("has no weight and bias (affine=False); the model format's batchnorm2d has both")
    return cx.emit("batchnorm2d", [feature_map(cx, input)], bn_attributes(m.num_features, m.eps),
                   fixed=cx.node.target, owns=True)


@handles(F.batch_norm)
def batch_norm_function(cx, input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1,
                        eps=1e-5):
    if training:
        cx.fail("normalises with batch statistics (training=True)")
    if weight is None or bias is None:
        cx.fail("has no weight or bias; the model format's batchnorm2d has both")
    name = owner(cx, running_mean=running_mean, running_var=running_var, weight=weight, bias=bias)
    x = feature_map(cx, input)
    return cx.emit("batchnorm2d", [x], bn_attributes(x.shape[0], eps), fixed=name, owns=True)


def layer_norm_attributes(normalized_shape, eps, affine):
    a = {"normalized_shape": [int(v) for v in normalized_shape]}
    if eps != 1e-5:
        a["eps"] = eps
    if not affine:
        a["elementwise_affine"] = False
    return a


@handles(nn.LayerNorm)
def layer_norm_module(cx, m, input):
    return cx.emit("layer_norm", [cx.operand(input)],
                   layer_norm_attributes(m.normalized_shape, m.eps, m.elementwise_affine),
                   fixed=cx.node.target, owns=m.elementwise_affine)


@handles(F.layer_norm, torch.layer_norm)
def layer_norm_function(cx, input, normalized_shape, weight=None, bias=None, eps=1e-5, cudnn_enable=True):
    if (weight is None) != (bias is None):
        cx.fail("has a weight but no bias or the other way round; the model format's layer_norm has both or neither")
    name = owner(cx, weight=weight, bias=bias)
    normalized_shape = [normalized_shape] if isinstance(normalized_shape, int) else normalized_shape
    attributes = layer_norm_attributes(normalized_shape, eps, name is not None)
    if name is None:
        return cx.emit("layer_norm", [cx.operand(input)], attributes)
    return cx.emit("layer_norm", [cx.operand(input)], attributes, fixed=name, owns=True)


def linear_attributes(w, bias):
    return {"in_features": w.shape[1], "out_features": w.shape[0], "bias": bias}


@handles(nn.Linear)
def linear_module(cx, m, input):
    return cx.emit("linear", [cx.operand(input)], linear_attributes(m.weight, m.bias is not None),
                   fixed=cx.node.target, owns=True)


@handles(F.linear)
def linear_function(cx, input, weight, bias=None):
    name = owner(cx, weight=weight, bias=bias)
    if name is None or weight.tensor.dim() != 2:
        cx.fail("needs a 2-dimensional weight from the state_dict")
    return cx.emit("linear", [cx.operand(input)], linear_attributes(weight.tensor, bias is not None), fixed=name,
                   owns=True)


@handles(nn.MultiheadAttention)
def multihead_attention_module(cx, m, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                               average_attn_weights=True):
    if not (query is key is value):
        cx.fail("is not self-attention (query, key and value differ); the model format has self-attention only")
    if key_padding_mask is not None or attn_mask is not None:
        cx.fail("takes a mask; the model format's multihead_attention has none")
    if not m.batch_first:
        cx.fail("has batch_first=False (sequence first); the model format's multihead_attention is batch_first")
    if m.bias_k is not None or m.add_zero_attn or not m._qkv_same_embed_dim:
        cx.fail("has add_bias_kv, add_zero_attn or kdim/vdim; the model format's multihead_attention has none")
    if m.in_proj_bias is None:
        cx.fail("has bias=False; the model format's multihead_attention has biases (PyTorch's default)")
    x = cx.operand(query)
    attributes = {"embed_dim": m.embed_dim, "num_heads": m.num_heads}
    out = cx.emit("multihead_attention", [x], attributes, fixed=cx.node.target, owns=True, reference=cx.out[0])
    return Items([out, Unavailable("the attention weights (item 1 of nn.MultiheadAttention's output), which the "
                                   "model format does not provide")])


@handles(nn.ReLU)
def relu_module(cx, m, input):
    return cx.emit("relu", [cx.operand(input)], fixed=cx.node.target)


@handles(nn.ReLU6, nn.Hardtanh)
def hardtanh_module(cx, m, input):
    return hardtanh_function(cx, input, m.min_val, m.max_val, fixed=cx.node.target)


@handles(F.hardtanh)
def hardtanh_function(cx, input, min_val=-1.0, max_val=1.0, inplace=False, fixed=None):
    if (min_val, max_val) != (0.0, 6.0):
        cx.fail("clamps to [%g, %g]; the model format has relu6, [0, 6], only" % (min_val, max_val))
    return cx.emit("relu6", [cx.operand(input)], fixed=fixed)


def _simple_module(op):
    def handler(cx, m, input):
        return cx.emit(op, [cx.operand(input)], fixed=cx.node.target)
    return handler


for _cls, _op in ((nn.SiLU, "silu"), (nn.Sigmoid, "sigmoid"), (nn.Tanh, "tanh"), (nn.Hardswish, "hardswish"),
                  (nn.Hardsigmoid, "hardsigmoid")):
    handles(_cls)(_simple_module(_op))


@handles(nn.LeakyReLU)
def leaky_relu_module(cx, m, input):
    return cx.emit("leaky_relu", [cx.operand(input)], {"negative_slope": m.negative_slope}, fixed=cx.node.target)


@handles(nn.GELU)
def gelu_module(cx, m, input):
    attributes = {"approximate": m.approximate} if m.approximate != "none" else {}
    return cx.emit("gelu", [cx.operand(input)], attributes, fixed=cx.node.target)


@handles(nn.Softmax)
def softmax_module(cx, m, input):
    return softmax_function(cx, input, m.dim, fixed=cx.node.target)


def window_attributes(kernel_size, stride, padding, ceil_mode):
    stride = kernel_size if stride is None or (isinstance(stride, (list, tuple)) and len(stride) == 0) else stride
    return {"kernel_size": compact(kernel_size), "stride": compact(stride), "padding": compact(padding),
            **({"ceil_mode": True} if ceil_mode else {})}


@handles(nn.MaxPool2d)
def maxpool2d_module(cx, m, input):
    return max_pool2d_function(cx, input, m.kernel_size, m.stride, m.padding, m.dilation, m.ceil_mode,
                               m.return_indices, fixed=cx.node.target)


@handles(F.max_pool2d, torch.max_pool2d)
def max_pool2d_function(cx, input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                        return_indices=False, fixed=None):
    if return_indices:
        cx.fail("returns indices; the model format's maxpool2d does not")
    attributes = window_attributes(kernel_size, stride, padding, ceil_mode)
    if compact(dilation) != 1:
        attributes["dilation"] = compact(dilation)
    return cx.emit("maxpool2d", [feature_map(cx, input)], attributes, fixed=fixed)


@handles(nn.AvgPool2d)
def avgpool2d_module(cx, m, input):
    return avg_pool2d_function(cx, input, m.kernel_size, m.stride, m.padding, m.ceil_mode, m.count_include_pad,
                               m.divisor_override, fixed=cx.node.target)


@handles(F.avg_pool2d)
def avg_pool2d_function(cx, input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                        divisor_override=None, fixed=None):
    if divisor_override is not None:
        cx.fail("has a divisor_override; the model format's avgpool2d divides by the window")
    attributes = window_attributes(kernel_size, stride, padding, ceil_mode)
    if not count_include_pad:
        attributes["count_include_pad"] = False
    return cx.emit("avgpool2d", [feature_map(cx, input)], attributes, fixed=fixed)


@handles(nn.AdaptiveAvgPool2d)
def adaptive_avgpool2d_module(cx, m, input):
    return adaptive_avg_pool2d_function(cx, input, m.output_size, fixed=cx.node.target)


@handles(F.adaptive_avg_pool2d)
def adaptive_avg_pool2d_function(cx, input, output_size, fixed=None):
    x = feature_map(cx, input)
    return cx.emit("adaptive_avgpool2d", [x], {"output_size": compact(cx.out.shape[2:])}, fixed=fixed)


@handles(nn.LocalResponseNorm)
def lrn_module(cx, m, input):
    return local_response_norm_function(cx, input, m.size, m.alpha, m.beta, m.k, fixed=cx.node.target)


@handles(F.local_response_norm)
def local_response_norm_function(cx, input, size, alpha=1e-4, beta=0.75, k=1.0, fixed=None):
    return cx.emit("lrn", [feature_map(cx, input)], {"size": size, "alpha": alpha, "beta": beta, "k": k}, fixed=fixed)


@handles(nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d, nn.AlphaDropout, nn.FeatureAlphaDropout)
def dropout_module(cx, m, input):
    return cx.emit("dropout", [cx.operand(input)], {"p": m.p}, fixed=cx.node.target)


@handles(nn.Identity, weights_ok=True)
def identity_module(cx, m, input, *args, **kwargs):
    return alias(cx, input)


@handles(nn.Flatten)
def flatten_module(cx, m, input):
    return flatten_function(cx, input, m.start_dim, m.end_dim, fixed=cx.node.target)


@handles(nn.Unflatten)
def unflatten_module(cx, m, input):
    return reshape_to_recorded(cx, input, fixed=cx.node.target)


# --------------------------------------------------------------------------------------------------------------
# Activations and other functions of one tensor
# --------------------------------------------------------------------------------------------------------------

for _targets, _op in (((F.relu, torch.relu, torch.relu_, F.relu_, "relu", "relu_"), "relu"),
                      ((F.relu6,), "relu6"),
                      ((F.silu,), "silu"),
                      ((torch.sigmoid, torch.sigmoid_, F.sigmoid, "sigmoid", "sigmoid_"), "sigmoid"),
                      ((torch.tanh, torch.tanh_, F.tanh, "tanh", "tanh_"), "tanh"),
                      ((F.hardswish,), "hardswish"),
                      ((F.hardsigmoid,), "hardsigmoid")):
    handles(*_targets)(unary(_op))


@handles(F.leaky_relu)
def leaky_relu_function(cx, input, negative_slope=0.01, inplace=False):
    return cx.emit("leaky_relu", [cx.operand(input)], {"negative_slope": negative_slope})


@handles(F.gelu)
def gelu_function(cx, input, approximate="none"):
    return cx.emit("gelu", [cx.operand(input)], {"approximate": approximate} if approximate != "none" else {})


@handles(F.softmax, torch.softmax, "softmax")
def softmax_function(cx, input, dim=None, _stacklevel=3, dtype=None, fixed=None):
    if dim is None:
        cx.fail("has no dim (PyTorch's implicit choice is deprecated); give the dim")
    if dtype is not None:
        cx.fail("casts to %s; d3lab computes in float32" % dtype)
    x = cx.operand(input)
    return cx.emit("softmax", [x], {"dim": cx.dim(dim, x.rank + 1)}, fixed=fixed)


@handles(F.dropout, F.dropout1d, F.dropout2d, F.dropout3d, F.alpha_dropout, F.feature_alpha_dropout, weights_ok=True)
def dropout_function(cx, input, p=0.5, training=True, inplace=False):
    if training and p > 0:
        cx.fail("drops out in training mode (training=True); at inference it must be training=self.training")
    return alias(cx, input)


@handles(torch.dropout, torch.feature_dropout, torch.alpha_dropout, weights_ok=True)
def torch_dropout(cx, input, p, train):
    return dropout_function(cx, input, p, train)


@handles(torchvision.ops.stochastic_depth, weights_ok=True)
def stochastic_depth(cx, input, p, mode, training=True):
    if training and p > 0:
        cx.fail("drops out in training mode (training=True); at inference it must be training=self.training")
    return alias(cx, input)


@handles("contiguous", "clone", "detach", torch.clone, torch.detach, weights_ok=True)
def no_change(cx, input, *args, **kwargs):
    return alias(cx, input)


@handles("to", "float", "type_as", weights_ok=True)
def conversion(cx, input, *args, **kwargs):
    if not isinstance(cx.out, torch.Tensor) or cx.out.dtype != torch.float32:
        cx.fail("converts to %s; d3lab computes in float32" % getattr(cx.out, "dtype", type(cx.out).__name__))
    return alias(cx, input)


@handles("expand", "expand_as", shape_args=True, weights_ok=True)
def expand(cx, input, *sizes):
    """An expand that changes nothing for a batch of one (a class token joining the batch) is an alias."""
    shape = tuple(input.tensor.shape) if isinstance(input, Weight) else (1,) + cx.operand(input).shape
    if tuple(cx.out.shape) != shape:
        cx.fail("expands %s to %s; the model format has no expand (broadcasting ops stretch sizes of 1 themselves)"
                % (list(shape), list(cx.out.shape)))
    return input


# --------------------------------------------------------------------------------------------------------------
# Shapes: flatten, reshape, permute, slicing
# --------------------------------------------------------------------------------------------------------------

@handles(torch.flatten, "flatten")
def flatten_function(cx, input, start_dim=0, end_dim=-1, fixed=None):
    x = cx.operand(input)
    rank = x.rank + 1
    start = start_dim + rank if start_dim < 0 else start_dim
    end = end_dim + rank if end_dim < 0 else end_dim
    if not 0 <= start <= end < rank:
        cx.fail("flattens dimensions %d to %d of a tensor of rank %d" % (start_dim, end_dim, rank))
    if start == 0:
        cx.fail("flattens the batch dimension into the others")
    if start == 1 and end == rank - 1:
        return cx.emit("flatten", [x], fixed=fixed)
    return reshape_to_recorded(cx, x, fixed=fixed)


def reshape_to_recorded(cx, input, fixed=None):
    """A reshape to the shape the recording saw (its first dimension is the batch: convert.py checks that it is 1
    for a batch of one and 2 for a batch of two)."""
    x = cx.operand(input)
    shape = tuple(cx.out.shape[1:])
    if shape == x.shape and fixed is None:
        return x
    return cx.emit("reshape", [x], {"shape": list(shape)}, fixed=fixed)


@handles("view", "reshape", torch.reshape, "view_as", "reshape_as", "unflatten", shape_args=True)
def reshape(cx, input, *args, **kwargs):
    if isinstance(input, Weight):
        cx.fail("reshapes the weight '%s'; the model format cannot compute on weights alone" % input.key)
    if args and isinstance(args[0], torch.dtype):
        cx.fail("reinterprets the tensor as %s" % args[0])
    return reshape_to_recorded(cx, input)


@handles("unsqueeze", torch.unsqueeze)
def unsqueeze(cx, input, dim):
    x = cx.operand(input)
    cx.dim(dim, x.rank + 2)  # refuses a dimension before the batch
    return reshape_to_recorded(cx, x)


@handles("squeeze", torch.squeeze)
def squeeze(cx, input, dim=None):
    x = cx.operand(input)
    if dim is None:
        cx.fail("squeezes every dimension of size 1, the batch's too; give the dim")
    cx.dim(dim, x.rank + 1)
    return reshape_to_recorded(cx, x)


@handles("permute", torch.permute)
def permute(cx, input, *dims):
    x = cx.operand(input)
    dims = list(dims[0]) if len(dims) == 1 and isinstance(dims[0], (list, tuple)) else list(dims)
    rank = x.rank + 1
    if len(dims) != rank:
        cx.fail("permutes %d dimensions of a tensor of rank %d" % (len(dims), rank))
    dims = [d + rank if isinstance(d, int) and d < 0 else d for d in dims]
    if dims[0] != 0:
        cx.fail("moves the batch dimension (dims %s)" % dims)
    order = [cx.dim(d, rank) for d in dims[1:]]
    if order == list(range(x.rank)):
        return x
    return cx.emit("permute", [x], {"dims": order})


@handles("transpose", torch.transpose, "swapaxes", torch.swapaxes, "swapdims", torch.swapdims)
def transpose(cx, input, dim0, dim1):
    x = cx.operand(input)
    a, b = cx.dim(dim0, x.rank + 1), cx.dim(dim1, x.rank + 1)
    order = list(range(x.rank))
    order[a], order[b] = order[b], order[a]
    if a == b:
        return x
    return cx.emit("permute", [x], {"dims": order})


@handles(operator.getitem, weights_ok=True)
def getitem(cx, obj, index):
    if isinstance(obj, Items):
        if not isinstance(index, int) or not -len(obj) <= index < len(obj):
            cx.fail("takes item %r of a tuple of %d" % (index, len(obj)))
        item = obj[index]
        if isinstance(item, Unavailable):
            cx.fail("uses %s" % item.why)
        return item
    if isinstance(obj, Weight):
        cx.fail("indexes the weight '%s'; the model format cannot compute on weights alone" % obj.key)
    if not isinstance(obj, Value):
        cx.fail("indexes %r" % (obj,))
    return index_tensor(cx, obj, index)


def index_tensor(cx, x, index):
    """x[index] with slices, integers, None and Ellipsis: slice and select layers, and a reshape for None."""
    recorded = cx.recorded_argument(0)
    items = list(index) if isinstance(index, tuple) else [index]
    for item in items:
        if not (item is None or item is Ellipsis or isinstance(item, slice)
                or (isinstance(item, int) and not isinstance(item, bool))):
            cx.fail("indexes with %s (advanced indexing); the model format takes slices and integers only"
                    % type(item).__name__)
    rank = x.rank + 1
    if Ellipsis in items:
        at = items.index(Ellipsis)
        fill = rank - sum(1 for i in items if i is not None and i is not Ellipsis)
        items = items[:at] + [slice(None)] * fill + items[at + 1:]
    if not items or items[0] != slice(None):
        cx.fail("indexes the batch dimension (%r)" % (items[0] if items else index,))
    steps = []  # (op, format dim, attributes, the index so far) of the layers to emit
    partial = [slice(None)]
    dim = 1  # the current PyTorch dimension of the tensor being cut
    shape = [1] + list(x.shape)
    inserted = False
    for item in items[1:]:
        if item is None:
            inserted = True
            continue
        if dim >= len(shape):
            cx.fail("has more indices than the tensor has dimensions")
        size = shape[dim]
        partial.append(item)
        if isinstance(item, slice):
            for part in (item.start, item.stop, item.step):
                if part is not None and (not isinstance(part, int) or isinstance(part, bool)):
                    cx.fail("slices with %r, not an integer" % (part,))
            start, stop, step = item.indices(size)
            if step < 1:
                cx.fail("slices with step %d" % step)
            stop = max(stop, start)
            if (start, stop, step) != (0, size, 1):
                if stop <= start:
                    cx.fail("takes an empty slice")
                steps.append(("slice", {"dim": dim - 1, "start": start, "end": stop, "step": step}, tuple(partial)))
                shape[dim] = len(range(start, stop, step))
            dim += 1
        else:
            i = item + size if item < 0 else item
            if not 0 <= i < size:
                cx.fail("index %d is out of range for dimension %d of size %d" % (item, dim, size))
            steps.append(("select", {"dim": dim - 1, "index": i}, tuple(partial)))
            del shape[dim]
    value = x
    for k, (op, attributes, upto) in enumerate(steps):
        attributes = {key: v for key, v in attributes.items() if not (key == "step" and v == 1)}
        last = k == len(steps) - 1 and not inserted
        reference = None if last else recorded[upto]
        value = cx.emit(op, [value], attributes, reference=reference, extra=not last)
    if inserted:
        return reshape_to_recorded(cx, value)
    return value


def pieces(cx, input, dim, select=False):
    """Items of slice (or, for unbind, select) layers, one for each piece of the recorded output."""
    x = cx.operand(input)
    d = cx.dim(dim, x.rank + 1)
    out = cx.out
    if not select and len(out) == 1:
        return Items([x])
    items, start = [], 0
    for i, piece in enumerate(out):
        if select:
            items.append(cx.emit("select", [x], {"dim": d, "index": i}, reference=piece, extra=True))
            continue
        size = piece.shape[d + 1]
        if size == 0:
            items.append(Unavailable("an empty piece"))
            continue
        items.append(cx.emit("slice", [x], {"dim": d, "start": start, "end": start + size}, reference=piece,
                             extra=True))
        start += size
    return Items(items)


@handles("chunk", torch.chunk)
def chunk(cx, input, chunks, dim=0):
    return pieces(cx, input, dim)


@handles("split", torch.split)
def split(cx, input, split_size_or_sections, dim=0):
    return pieces(cx, input, dim)


@handles("tensor_split", torch.tensor_split)
def tensor_split(cx, input, indices_or_sections, dim=0):
    return pieces(cx, input, dim)


@handles("unbind", torch.unbind)
def unbind(cx, input, dim=0):
    return pieces(cx, input, dim, select=True)


# --------------------------------------------------------------------------------------------------------------
# Several tensors: concatenation, arithmetic, matmul, mean
# --------------------------------------------------------------------------------------------------------------

@handles(torch.cat, torch.concat)
def cat(cx, tensors, dim=0):
    items = []
    for t in (tensors if isinstance(tensors, (list, tuple)) else [tensors]):
        items.extend(t if isinstance(t, Items) else [t])
    rank = cx.out.dim()
    values = [cx.operand(t, rank) for t in items]
    d = cx.dim(dim, rank)
    if len(values) == 1:
        return values[0]
    return cx.emit("concat", values, {"dim": d})


def arithmetic(op, cx, a, b):
    if is_tensor(a) and is_tensor(b):
        rank = cx.out.dim()
        return cx.emit(op, [cx.operand(a, rank), cx.operand(b, rank)])
    tensor, scalar, reverse = (a, b, False) if is_tensor(a) else (b, a, op in ("sub", "div"))
    if not is_tensor(tensor):
        cx.fail("has no tensor operand")
    if not isinstance(scalar, (int, float)) or isinstance(scalar, bool):
        cx.fail("takes %s as an operand; the model format takes a tensor or a number" % type(scalar).__name__)
    attributes = {"scalar": scalar}
    if reverse:
        attributes["reverse"] = True
    return cx.emit(op, [cx.operand(tensor)], attributes)


def _arithmetic_handlers(op, operators, functions, methods):
    def on_operator(cx, a, b):
        return arithmetic(op, cx, a, b)

    def on_function(cx, input, other, alpha=1, rounding_mode=None):
        if alpha != 1:
            cx.fail("has alpha=%r; the model format's %s has none (multiply first)" % (alpha, op))
        if rounding_mode is not None:
            cx.fail("rounds (rounding_mode=%r)" % rounding_mode)
        return arithmetic(op, cx, input, other)

    handles(*operators)(on_operator)
    handles(*functions, *methods)(on_function)


_arithmetic_handlers("add", (operator.add, operator.iadd), (torch.add,), ("add", "add_"))
_arithmetic_handlers("sub", (operator.sub, operator.isub), (torch.sub, torch.subtract), ("sub", "sub_"))
_arithmetic_handlers("mul", (operator.mul, operator.imul), (torch.mul, torch.multiply), ("mul", "mul_"))
_arithmetic_handlers("div", (operator.truediv, operator.itruediv), (torch.div, torch.divide, torch.true_divide),
                     ("div", "div_", "true_divide"))


@handles(torch.rsub)
def rsub(cx, input, other, alpha=1):
    if alpha != 1:
        cx.fail("has alpha=%r" % alpha)
    return arithmetic("sub", cx, other, input)


@handles(operator.neg, torch.neg, "neg")
def neg(cx, input):
    return cx.emit("mul", [cx.operand(input)], {"scalar": -1})


@handles(torch.matmul, operator.matmul, "matmul", torch.bmm, "bmm")
def matmul(cx, input, other):
    rank = cx.out.dim()
    a, b = cx.operand(input, rank), cx.operand(other, rank)
    if a.rank < 2 or b.rank < 2:
        cx.fail("multiplies %s by %s: the model format's matmul needs two dimensions or more after the batch (a "
                "vector times a matrix is a linear layer)" % (list(a.shape), list(b.shape)))
    return cx.emit("matmul", [a, b])


@handles("mean", torch.mean)
def mean(cx, input, dim=None, keepdim=False, dtype=None):
    x = cx.operand(input)
    if dim is None or (isinstance(dim, (list, tuple)) and len(dim) == 0):
        cx.fail("averages over the batch dimension too; give the dims")
    if dtype is not None:
        cx.fail("casts to %s; d3lab computes in float32" % dtype)
    dims = sorted({cx.dim(d, x.rank + 1) for d in (dim if isinstance(dim, (list, tuple)) else [dim])})
    attributes = {"dims": dims}
    if keepdim:
        attributes["keepdim"] = True
    return cx.emit("mean", [x], attributes)

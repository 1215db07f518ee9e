"""torch.fx tracing for the exporter, and fx Interpreter runs that record every node's value.

The Tracer keeps as leaves (single call_module nodes) the torch.nn modules the model format has an op for, when
their forward is torch's own, and every other module of torch.nn (so that an unsupported one is refused by its
class name); everything else is traced through, down to functions and tensor methods. Every node it creates gets
node.meta["module_path"], the innermost module being called at the time ("" at the top level), for naming and for
error messages.
"""

import bisect
import dis
import sys

import torch
import torch.fx
import torch.nn as nn

from .errors import ExportError

# torch.nn modules that become one layer each (see ops.MODULES), by the class whose forward they must use.
LEAF_TYPES = (
    nn.Conv2d, nn.BatchNorm2d, nn.LayerNorm, nn.Linear, nn.MultiheadAttention, nn.ReLU, nn.ReLU6, nn.Hardtanh,
    nn.LeakyReLU, nn.SiLU, nn.Sigmoid, nn.Tanh, nn.Hardswish, nn.Hardsigmoid, nn.GELU, nn.MaxPool2d, nn.AvgPool2d,
    nn.AdaptiveAvgPool2d, nn.LocalResponseNorm, nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d,
    nn.AlphaDropout, nn.FeatureAlphaDropout, nn.Flatten, nn.Unflatten, nn.Identity, nn.Softmax,
)


def leaf_type(module):
    """The class of LEAF_TYPES whose forward the module runs, or None."""
    for cls in type(module).__mro__:
        if cls in LEAF_TYPES:
            return cls if type(module).forward is cls.forward else None
    return None


def _unpack_count(frame):
    """The number of items the caller unpacks if it is executing UNPACK_SEQUENCE (`a, b = proxy`), else None.

    torch 1.13's Proxy.__iter__ finds the caller's instruction as the (f_lasti // 2)-th of dis.get_instructions,
    which is wrong on Python 3.11 (inline caches): `n, c, h, w = x.shape` fails there. This looks it up by offset.
    """
    instructions = list(dis.get_instructions(frame.f_code))
    if sys.version_info >= (3, 11):
        i = bisect.bisect_left([inst.offset for inst in instructions], frame.f_lasti)
    else:
        i = frame.f_lasti // 2
    if i < len(instructions) and instructions[i].opname == "UNPACK_SEQUENCE":
        return instructions[i].argval
    return None


class Proxy(torch.fx.Proxy):
    """fx's Proxy with `a, b = proxy` unpacking that works on Python 3.11 too."""

    def __iter__(self):
        count = _unpack_count(sys._getframe(1))
        if count is not None:
            return (self[i] for i in range(count))
        return self.tracer.iter(self)

    def __getattr__(self, k):
        return Attribute(self, k)


class Attribute(torch.fx.proxy.Attribute, Proxy):
    pass


class Tracer(torch.fx.Tracer):
    """An fx Tracer that records the innermost module path of every node (node.meta["module_path"])."""

    def __init__(self):
        super().__init__()
        self._paths = [""]
        self.failed_in = None  # the innermost module path being traced when tracing failed

    def is_leaf_module(self, m, qualname):
        if leaf_type(m) is not None:
            return True
        return super().is_leaf_module(m, qualname)  # the rest of torch.nn: refused later by class name

    def call_module(self, m, forward, args, kwargs):
        self._paths.append(self.path_of_module(m))
        try:
            return super().call_module(m, forward, args, kwargs)
        except Exception:
            if self.failed_in is None:
                self.failed_in = self._paths[-1]
            raise
        finally:
            self._paths.pop()

    def create_node(self, kind, target, args, kwargs, name=None, type_expr=None):
        node = super().create_node(kind, target, args, kwargs, name, type_expr)
        node.meta["module_path"] = self._paths[-1]
        return node

    def proxy(self, node):
        return Proxy(node, self)


def trace(module):
    """The module's fx GraphModule; ExportError naming the module being traced if fx cannot trace it."""
    tracer = Tracer()
    try:
        graph = tracer.trace(module)
    except Exception as e:  # fx raises TraceError, but user code under tracing can raise anything
        where = tracer.failed_in or "<top level>"
        message = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ExportError(where, "fx trace", "torch.fx cannot trace it: %s: %s" % (type(e).__name__, message))
    return torch.fx.GraphModule(module, graph, type(module).__name__)


def snapshot(value):
    """A copy of a node's value that later in-place operations cannot change."""
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, (tuple, list)):
        return type(value)(snapshot(v) for v in value) if not hasattr(value, "_fields") else \
            type(value)(*(snapshot(v) for v in value))
    return value


class Recorder(torch.fx.Interpreter):
    """Runs a GraphModule and keeps every node's value: snapshots (clones), or only their shapes."""

    def __init__(self, gm, shapes_only=False):
        super().__init__(gm, garbage_collect_values=shapes_only)
        self.shapes_only = shapes_only
        self.values = {}

    def run_node(self, n):
        value = super().run_node(n)
        self.values[n] = _shapes(value) if self.shapes_only else snapshot(value)
        return value


class Shape(tuple):
    """The shape of a tensor recorded by a shapes-only run (a tuple that is not mistaken for a value)."""


def _shapes(value):
    if isinstance(value, torch.Tensor):
        return Shape(value.shape)
    if isinstance(value, (tuple, list)):
        return tuple(_shapes(v) for v in value)
    return value


def record(gm, x, shapes_only=False):
    """{node: value} for a run of gm on x (a clone: in-place operations in the model cannot change x). ExportError
    naming the node if PyTorch's forward fails."""
    recorder = Recorder(gm, shapes_only)
    try:
        with torch.no_grad():
            recorder.run(x.clone())
    except Exception as e:
        failed = next((n for n in gm.graph.nodes if n not in recorder.values and n.op != "placeholder"), None)
        place = (failed.meta.get("module_path") or failed.name) if failed is not None else None
        text = str(e).strip().splitlines()
        raise ExportError(place, None, "PyTorch's forward fails on an input of shape %s: %s: %s"
                          % (list(x.shape), type(e).__name__, text[0] if text else ""))
    return recorder.values

"""fx graph -> d3lab model document.

convert_graph() walks the traced graph in order and maps every node that reaches the output to layers of the
format (ops.py holds the mapping of each PyTorch op). Each fx node's value becomes one of:

    Value    a tensor of the format: the model input or a layer's output (its shape without the batch dimension)
    Weight   a get_attr tensor (a parameter or buffer), which becomes a `parameter` layer only where it is used as
             a value, not where it is the weight of a functional conv2d/linear/layer_norm/batch_norm
    Items    a tuple of Values (chunk/split, nn.MultiheadAttention's (output, weights))
    anything else: a Python value (a size, a dim, a flag) the recording run computed; it yields no layer

(the classes are in values.py). Every layer keeps the recorded value of the node it came from, which check.py
compares with the executed document.
"""

import collections
import inspect
import operator

import torch
import torch.fx

from . import format as fmt
from . import ops
from .errors import ExportError
from .values import INPUT, Items, Unavailable, Value, Weight, is_tensor


class Layer:
    """A layer being built; its name is given by assign_names() once the dead layers are gone."""

    def __init__(self, op, inputs, attributes, reference, place, label, fixed=None, base=None, owns=False):
        self.op, self.inputs, self.attributes = op, inputs, attributes
        self.reference = reference  # the recorded value (batch of one, batch dimension included)
        self.place, self.label = place, label  # for messages: module path or node, and the PyTorch op
        self.fixed = fixed  # a name the state_dict dictates (module path, tensor key), or None
        self.base = base  # the name to make unique otherwise
        self.owns = owns  # whether the layer owns state_dict tensors (then its name cannot change)
        self.name = None


# --------------------------------------------------------------------------------------------------------------
# In-place operations and liveness
# --------------------------------------------------------------------------------------------------------------

_INPLACE_OPERATORS = {operator.iadd, operator.isub, operator.imul, operator.itruediv, operator.imatmul}


def mutated_argument(node, gm):
    """The node whose tensor this node modifies in place (an inplace=True module or function, a `x.op_()` method,
    `x += y`), or None."""
    first = node.args[0] if node.args else None
    if not isinstance(first, torch.fx.Node):
        return None
    if node.op == "call_module":
        return first if getattr(gm.get_submodule(node.target), "inplace", False) is True else None
    if node.op == "call_method":
        name = node.target
        return first if name.endswith("_") and not name.startswith("_") else None
    if node.op == "call_function":
        if node.target in _INPLACE_OPERATORS or node.kwargs.get("inplace") is True:
            return first
        name = getattr(node.target, "__name__", "")
        if name.endswith("_") and not name.startswith("_") and name[:-1] and hasattr(torch, name):
            return first  # torch.relu_, torch.sigmoid_, F.relu_ ...
        try:
            bound = inspect.signature(node.target).bind(*node.args, **node.kwargs)
        except (TypeError, ValueError):
            return None
        return first if bound.arguments.get("inplace") is True else None
    return None


def effective_inputs(gm):
    """{node: {argument node: the node whose value it reads}}: after `y = x.relu_()`, later readers of x read y."""
    current = {}
    effective = {}
    for node in gm.graph.nodes:
        effective[node] = {a: current.get(a, a) for a in node.all_input_nodes}
        target = mutated_argument(node, gm)
        if target is not None:
            modified = effective[node][target]  # x, or the last node that modified x in place
            for k, v in list(current.items()):
                if v is modified:
                    current[k] = node
            current[target] = current[modified] = node
    return effective


def live_nodes(gm, effective):
    """The nodes the output depends on (through in-place modifications too)."""
    output = next(n for n in gm.graph.nodes if n.op == "output")
    live, stack = set(), [output]
    while stack:
        n = stack.pop()
        if n in live:
            continue
        live.add(n)
        stack.extend(effective[n].values())
    return live


# --------------------------------------------------------------------------------------------------------------
# Op names for messages
# --------------------------------------------------------------------------------------------------------------

def _qualified_names():
    names = {}
    for prefix, namespace in (("operator", operator), ("torch.Tensor", torch.Tensor), ("torch", torch),
                              ("torch.nn.functional", torch.nn.functional)):
        for attr in sorted(dir(namespace), key=lambda a: (a.startswith("_"), a)):  # operator.add, not __add__
            obj = getattr(namespace, attr, None)
            if callable(obj):
                try:
                    names.setdefault(obj, "%s.%s" % (prefix, attr))
                except TypeError:  # unhashable
                    pass
    return names


_NAMES = None


def op_label(node, gm):
    """How a message names the node's op: torch.nn.Upsample, torch.nn.functional.pad, torch.Tensor.unfold ..."""
    global _NAMES
    if node.op == "call_module":
        cls = type(gm.get_submodule(node.target))
        if cls.__module__.startswith("torch.nn.") and getattr(torch.nn, cls.__name__, None) is cls:
            return "torch.nn." + cls.__name__
        return "%s.%s" % (cls.__module__, cls.__qualname__)
    if node.op == "call_method":
        return "torch.Tensor." + node.target
    if node.op == "call_function":
        if _NAMES is None:
            _NAMES = _qualified_names()
        try:
            if node.target in _NAMES:
                return _NAMES[node.target]
        except TypeError:
            pass
        module = getattr(node.target, "__module__", None) or ""
        name = getattr(node.target, "__qualname__", None) or getattr(node.target, "__name__", str(node.target))
        return "%s.%s" % (module, name) if module else name
    if node.op == "get_attr":
        return "get_attr"
    return node.op


# --------------------------------------------------------------------------------------------------------------
# The conversion
# --------------------------------------------------------------------------------------------------------------

class Export:
    """The result: the document, each layer's recorded value and origin, and notes for the user."""

    def __init__(self, doc, references, origins, sources, notes):
        self.doc, self.references, self.origins, self.notes = doc, references, origins, notes
        self.sources = sources  # {layer name: the state_dict prefix of its tensors} where the two differ

    def state_dict_key(self, layer, key):
        """The state_dict key of the tensor `key` the layer implies (they differ where the name was made valid)."""
        source = self.sources.get(layer)
        return source + key[len(layer):] if source is not None else key


class Node:
    """The context a handler of ops.py works in: one fx node, its recorded value, and the emitting converter."""

    def __init__(self, converter, node, read=None):
        self.converter, self.node = converter, node
        self.read = read or {}  # {argument node: the node whose value it reads} (convert.effective_inputs)
        self.path = node.meta.get("module_path", "")
        self.place = self.path or node.name
        self.label = op_label(node, converter.gm)
        self.out = converter.values[node]
        self.base = "%s.%s" % (self.path, node.name) if self.path else node.name
        self._extra = 0

    def fail(self, message):
        raise ExportError(self.place, self.label, message)

    @property
    def module(self):
        return self.converter.gm.get_submodule(self.node.target)

    # ---- tensors ----

    def operand(self, v, out_rank=None):
        """A Value for a tensor argument; a Weight becomes a `parameter` layer, joining the batch (batch_dim) when
        its rank is that of the op's output in PyTorch (out_rank, the batch counted; default: this node's)."""
        if isinstance(v, Value):
            return v
        if isinstance(v, Weight):
            if out_rank is None and not isinstance(self.out, torch.Tensor):
                self.fail("computes on the weight '%s' alone; the model format cannot express that" % v.key)
            return self.converter.parameter(self, v, self.out.dim() if out_rank is None else out_rank)
        self.fail("expects a tensor, got %s" % _describe(v))

    def recorded_argument(self, i=0):
        """The recorded value of the node's i-th positional argument, as this node read it."""
        arg = self.node.args[i]
        return self.converter.values[self.read.get(arg, arg)]

    def dim(self, d, rank, what="dim"):
        """A PyTorch dimension (of a tensor of PyTorch rank `rank`) as a format dimension; the batch refused."""
        if not isinstance(d, int) or isinstance(d, bool):
            self.fail("%s %r is not an integer" % (what, d))
        nd = d + rank if d < 0 else d
        if not 0 <= nd < rank:
            self.fail("%s %d is out of range for a tensor of rank %d" % (what, d, rank))
        if nd == 0:
            self.fail("works along the batch dimension (%s %d); the model format keeps the batch apart" % (what, d))
        return nd - 1

    # ---- layers ----

    def emit(self, op, inputs, attributes=None, fixed=None, owns=False, reference=None, extra=False):
        """Appends a layer; returns its Value. fixed: a name the state_dict dictates. extra: one of several layers
        of this node that is not its result (named <base>.0, <base>.1 ...)."""
        reference = self.out if reference is None else reference
        if not isinstance(reference, torch.Tensor):
            self.fail("does not produce a tensor")
        if reference.dtype != torch.float32:
            self.fail("computes a %s tensor; d3lab's tensors are float32" % str(reference.dtype).replace("torch.", ""))
        if reference.dim() < 2:
            self.fail("leaves a tensor of shape %s, only the batch dimension; the model format's tensors have at least "
                      "one dimension after it" % list(reference.shape))
        if inputs and all(v.weight for v in inputs):
            self.fail("computes on weights alone, not on the input; the model format cannot express that (compute "
                      "the tensor once and store it as a parameter or buffer)")
        base = None
        if fixed is None:
            if extra:
                base = "%s.%d" % (self.base, self._extra)
                self._extra += 1
            else:
                base = self.base
        layer = Layer(op, [v.source for v in inputs], dict(attributes or {}), reference, self.place, self.label,
                      fixed=fixed, base=base, owns=owns)
        self.converter.layers.append(layer)
        return Value(layer, reference.shape[1:])


def _describe(v):
    if isinstance(v, Items):
        return "a tuple of %d tensors" % len(v)
    if isinstance(v, Unavailable):
        return "an item the model format does not provide"
    return "%s %r" % (type(v).__name__, v) if not isinstance(v, (list, tuple)) else "a %s" % type(v).__name__


class Converter:
    """The layers emitted so far and the `parameter` layers of weights used as values."""

    def __init__(self, gm, values, state_dict):
        self.gm, self.values, self.state_dict = gm, values, state_dict
        self.layers = []
        self.params = {}  # state_dict key -> (Value, batch_dim) of its `parameter` layer
        self.owned = set()  # state_dict keys that functional layers own (F.linear's weight ...)
        self.env = {}

    def parameter(self, cx, w, out_rank):
        t = w.tensor
        if w.key not in self.state_dict:
            cx.fail("uses the tensor '%s', which is not in the state_dict (a non-persistent buffer or a tensor "
                    "constant); the model format takes every tensor from the state_dict" % w.key)
        if t.dim() == out_rank:
            if t.shape[0] != 1:
                cx.fail("uses the weight '%s' %s, whose first dimension would meet the batch dimension"
                        % (w.key, list(t.shape)))
            batch_dim, shape = True, tuple(t.shape[1:])
        elif t.dim() < out_rank:
            batch_dim, shape = False, tuple(t.shape)
        else:
            cx.fail("uses the weight '%s' %s, of a higher rank than the result" % (w.key, list(t.shape)))
        if w.key in self.owned:
            cx.fail("uses the tensor '%s' as a value and as the weight of a layer; the model format gives each tensor "
                    "to one layer" % w.key)
        if w.key in self.params:
            value, known = self.params[w.key]
            if known != batch_dim:
                cx.fail("uses the weight '%s' both with and without the batch dimension" % w.key)
            return value
        if not 1 <= len(shape) <= fmt.MAX_RANK:
            cx.fail("uses the weight '%s' %s; a parameter has 1 to %d dimensions besides the batch (use a Python "
                    "number for a scalar)" % (w.key, list(t.shape), fmt.MAX_RANK))
        if t.dtype != torch.float32:
            cx.fail("uses the weight '%s' of type %s; d3lab's tensors are float32" % (w.key, t.dtype))
        attributes = {"shape": list(shape)}
        if batch_dim:
            attributes["batch_dim"] = True
        reference = t.detach() if batch_dim else t.detach().unsqueeze(0)
        layer = Layer("parameter", [], attributes, reference, w.key, "parameter", fixed=w.key, owns=True)
        self.layers.append(layer)
        value = Value(layer, shape, weight=True)
        self.params[w.key] = (value, batch_dim)
        return value


def convert_graph(gm, values, values2, name, input_shape, state_dict, description=None):
    """The document for a traced module. values: {node: value} of a run on a batch of one; values2: shapes of a run
    on a batch of two (None if that run failed). Raises ExportError for anything the format cannot express."""
    converter = Converter(gm, values, state_dict)
    effective = effective_inputs(gm)
    live = live_nodes(gm, effective)
    batch_dependent = set()
    output = None
    for node in gm.graph.nodes:
        if node not in live:
            continue
        env = converter.env
        read = effective[node]
        cx = Node(converter, node, read)
        if node.op == "placeholder":
            if node is next(iter(gm.graph.nodes)):
                env[node] = Value(INPUT, cx.out.shape[1:])
            elif isinstance(cx.out, torch.Tensor):
                cx.fail("the model takes more than one tensor; the model format has one input")
            else:
                env[node] = cx.out  # an argument left at its default
            continue
        if node.op == "get_attr":
            value = _fetch(gm, node.target)
            env[node] = Weight(node.target, value) if isinstance(value, torch.Tensor) else value
            continue
        if node.op == "output":
            output = (node, torch.fx.node.map_arg(node.args[0], lambda a: env[read[a]]))
            continue
        args = torch.fx.node.map_arg(node.args, lambda a: env[read[a]])
        kwargs = torch.fx.node.map_arg(node.kwargs, lambda a: env[read[a]])
        target = mutated_argument(node, gm)
        if target is not None and isinstance(env[read[target]], Weight):
            cx.fail("modifies the weight '%s' in place" % env[read[target]].key)
        if not _holds_tensor(cx.out):
            ops.check_python_value(cx, args)
            env[node] = cx.out
            if values2 is not None and not _same(cx.out, values2.get(node)):
                batch_dependent.add(node)
            continue
        handler = ops.lookup(cx)
        if handler is None:
            cx.fail("the model format has no such op")
        if not handler.shape_args:
            for a in node.all_input_nodes:
                if read[a] in batch_dependent:
                    cx.fail("uses a number that depends on the batch size (fx node %s, from a size such as "
                            "x.shape[0])" % read[a].name)
        tensors = [a for a in _flat((args, kwargs)) if is_tensor(a)]
        if tensors and not handler.weights_ok and all(isinstance(a, Weight) or a.weight for a in tensors):
            cx.fail("computes on weights alone, not on the input; the model format cannot express that (compute "
                    "the tensor once and store it as a parameter or buffer)")
        if node.op == "call_module":
            args = (cx.module,) + tuple(args)
        result = handler.call(cx, args, kwargs)
        _check_batch(cx, result, values2)
        env[node] = result
    return _finish(converter, output, name, input_shape, description)


def _flat(value):
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _flat(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _flat(v)
    else:
        yield value


def _fetch(gm, target):
    obj = gm
    for part in target.split("."):
        obj = getattr(obj, part)
    return obj


def _holds_tensor(value):
    if isinstance(value, torch.Tensor):
        return True
    if isinstance(value, (tuple, list)):
        return any(_holds_tensor(v) for v in value)
    if isinstance(value, dict):
        return any(_holds_tensor(v) for v in value.values())
    return False


def _same(a, b):
    try:
        return bool(a == b)
    except Exception:
        return False


def _check_batch(cx, result, values2):
    """A tensor computed from the input has the batch as its first dimension: 1 in the recorded run, and 2 in the
    run on a batch of two (when that run worked)."""
    if isinstance(result, Items):
        pairs = zip(result, cx.out, values2[cx.node] if values2 is not None else [None] * len(result))
    else:
        pairs = [(result, cx.out, values2[cx.node] if values2 is not None else None)]
    for value, out, shape2 in pairs:
        if not isinstance(value, Value) or value.weight or not isinstance(out, torch.Tensor):
            continue
        shape = list(out.shape)
        if not shape or shape[0] != 1:
            cx.fail("does not keep the batch as its first dimension: shape %s for a batch of one" % shape)
        if values2 is not None and (shape2 is None or list(shape2) != [2] + shape[1:]):
            cx.fail("does not keep the batch as its first dimension: shape %s for a batch of one, %s for a batch of "
                    "two" % (shape, list(shape2) if shape2 is not None else None))


def _finish(converter, output, name, input_shape, description):
    """The document: the layers the output depends on, named, with their inputs and attributes."""
    node, value = output
    cx = Node(converter, node)
    cx.place, cx.label = "output", "return"
    if isinstance(value, (tuple, list, dict)):
        cx.fail("the model returns a %s of %d values; the model format has one output tensor (return one tensor)"
                % (type(value).__name__, len(value)))
    if isinstance(value, Weight) or (isinstance(value, Value) and value.weight):
        cx.fail("the model returns a weight, not a function of its input")
    if not isinstance(value, Value):
        cx.fail("the model returns %s, not a tensor" % _describe(value))
    if value.source is INPUT:
        cx.fail("the model returns its input unchanged; there is no layer to export")
    layers = _live_layers(converter.layers, value.source)
    if not any(INPUT in l.inputs for l in layers):
        cx.fail("the model output does not depend on its input")
    input_name = assign_names(layers)
    doc = {"format": "d3lab-model", "version": 1, "name": name}
    if description:
        doc["description"] = description
    doc["input"] = {"name": input_name, "shape": list(input_shape)}
    doc["layers"] = []
    previous = input_name
    for l in layers:
        entry = {"name": l.name, "op": l.op}
        inputs = [input_name if i is INPUT else i.name for i in l.inputs]
        if l.op != "parameter" and inputs != [previous]:
            entry["inputs"] = inputs
        if l.attributes:
            entry["attributes"] = l.attributes
        doc["layers"].append(entry)
        previous = l.name
    references = {l.name: l.reference for l in layers}
    origins = {l.name: (l.place, l.label) for l in layers}
    sources = {l.name: l.fixed for l in layers if l.owns and l.fixed != l.name}
    notes = []
    if sources:
        notes.append("%d layer names differ from their module paths or tensor names, which hold characters a layer "
                     "name cannot ('_' replaces them; %s.pt holds their tensors under the new names): %s"
                     % (len(sources), name, ", ".join("%s -> %s" % (v, k) for k, v in list(sources.items())[:3])
                        + (" ..." if len(sources) > 3 else "")))
    return Export(doc, references, origins, sources, notes)


def _live_layers(layers, output):
    """The layers the output depends on, in order (the format refuses dead branches)."""
    live, stack = set(), [output]
    while stack:
        l = stack.pop()
        if l is INPUT or id(l) in live:
            continue
        live.add(id(l))
        stack.extend(l.inputs)
    return [l for l in layers if id(l) in live]


def assign_names(layers):
    """Gives every layer its name; returns the input's. Names the state_dict dictates come first: module paths and
    tensor keys (refused if two layers with weights want one name: shared weights); a parameter-less module called
    again gets _1, _2 ...; the other layers take <module path>.<fx node name>, made unique the same way. Characters
    a layer name cannot hold (a ModuleDict key with a space) become '_', in the layer's tensor keys too
    (Export.sources)."""
    taken = {}
    for l in layers:
        if l.fixed is not None and l.owns:
            name = _valid_name(l.fixed)
            if name in taken:
                if taken[name].fixed == l.fixed:
                    raise ExportError(l.place, l.label, "is called more than once, and the model format has one layer "
                                      "per weight (shared weights)")
                raise ExportError(l.place, l.label, "'%s' and '%s' both become the layer name '%s'"
                                  % (taken[name].fixed, l.fixed, name))
            taken[name] = l
            l.name = name
    reserved = {_valid_name(l.fixed) for l in layers if l.fixed is not None and not l.owns}

    def unique(base, avoid):
        if base not in taken and base not in avoid:
            return base
        k = 1
        while "%s_%d" % (base, k) in taken or "%s_%d" % (base, k) in reserved:
            k += 1
        return "%s_%d" % (base, k)

    for l in layers:
        if l.fixed is not None and not l.owns:
            l.name = unique(_valid_name(l.fixed), ())
            taken[l.name] = l
    for l in layers:
        if l.name is None:
            l.name = unique(_valid_name(l.base), reserved)
            taken[l.name] = l
    return unique("input", reserved)


def _valid_name(name):
    """A module path or node name as a layer name: characters outside [A-Za-z0-9_-] become '_'."""
    parts = ["".join(c if c.isascii() and (c.isalnum() or c in "_-") else "_" for c in part) or "_"
             for part in name.split(".")]
    return ".".join(parts)


def ops_used(doc):
    return collections.Counter(l["op"] for l in doc["layers"])

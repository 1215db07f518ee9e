"""What an fx node's value becomes during the conversion (convert.py): a tensor of the format (Value), a tensor
of the module not yet used as a value (Weight), or a tuple of them (Items)."""


class Input:
    """The model input, as the source of a Value."""


INPUT = Input()


class Value:
    """A tensor of the format: the output of a layer (or the model input), shape without the batch dimension.
    weight: it comes from weights alone (a `parameter` layer), not from the input."""

    def __init__(self, source, shape, weight=False):
        self.source, self.shape, self.weight = source, tuple(shape), weight

    @property
    def rank(self):
        return len(self.shape)


class Weight:
    """A tensor of the module (get_attr), by its state_dict key."""

    def __init__(self, key, tensor):
        self.key, self.tensor = key, tensor


class Unavailable:
    """An item of a tuple that the format does not provide; using it is refused with `why`."""

    def __init__(self, why):
        self.why = why


class Items(tuple):
    """A tuple of Values (or Unavailable items)."""


def is_tensor(v):
    return isinstance(v, (Value, Weight))

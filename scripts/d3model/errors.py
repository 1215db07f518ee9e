"""The exporter's one error type: one line naming the place (module path or node), the op and what is wrong."""


class ExportError(Exception):
    """Something the exporter cannot do; str() is one line: 'place' (op): message."""

    def __init__(self, place, op, message):
        super().__init__(message)
        self.place, self.op, self.message = place, op, message

    def __str__(self):
        if self.place and self.op:
            return "'%s' (%s): %s" % (self.place, self.op, self.message)
        if self.place:
            return "'%s': %s" % (self.place, self.message)
        return self.message

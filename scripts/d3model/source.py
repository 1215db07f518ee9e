"""The model to export: `torchvision:NAME` or `path/to/file.py:CALLABLE`."""

import importlib.util
import os
import sys
import warnings

import torch
import torch.nn as nn

from .errors import ExportError

DEFAULT_INPUT = (3, 224, 224)
TORCHVISION_INPUTS = {"inception_v3": (3, 299, 299)}  # torchvision's input sizes other than 224x224


class Source:
    """A parsed SOURCE: build() makes the module; name and input_shape are its defaults (input_shape None for a
    file, which needs --input-shape)."""

    def __init__(self, text):
        self.text = text
        if text.startswith("torchvision:"):
            import torchvision
            self.torchvision = text[len("torchvision:"):]
            try:
                self.builder = torchvision.models.get_model_builder(self.torchvision)
            except ValueError:
                raise ExportError(None, None, "torchvision has no model '%s' (torchvision.models.list_models() lists "
                                  "them)" % self.torchvision)
            self.name = self.torchvision
            self.input_shape = TORCHVISION_INPUTS.get(self.torchvision, DEFAULT_INPUT)
            return
        self.torchvision = None
        path, sep, self.callable = text.rpartition(":")
        if not sep or not path or not self.callable.isidentifier():
            raise ExportError(None, None, "SOURCE must be torchvision:NAME or path/to/file.py:CALLABLE")
        if not os.path.isfile(path):
            raise ExportError(None, None, "no such file: %s" % path)
        self.path = path
        self.name = self.callable
        self.input_shape = None

    def build(self, seed):
        """The module, built right after torch.manual_seed(seed)."""
        if self.torchvision is not None:
            torch.manual_seed(seed)
            with warnings.catch_warnings():  # the notices about weights=None and init_weights
                warnings.simplefilter("ignore")
                model = _call(self.builder, "torchvision.models.%s" % self.torchvision, weights=None)
        else:
            factory = self._load_callable()
            torch.manual_seed(seed)
            model = _call(factory, "%s()" % self.callable)
        if not isinstance(model, nn.Module):
            raise ExportError(None, None, "%s returned a %s, not a torch.nn.Module" % (self.text, type(model).__name__))
        return model

    def _load_callable(self):
        directory = os.path.dirname(os.path.abspath(self.path))
        module_name = "_d3export_" + "".join(c if c.isalnum() else "_" for c in os.path.abspath(self.path))
        spec = importlib.util.spec_from_file_location(module_name, self.path)
        if spec is None or spec.loader is None:
            raise ExportError(None, None, "%s cannot be imported as a Python file" % self.path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        sys.path.insert(0, directory)  # its own imports of files beside it
        try:
            spec.loader.exec_module(module)
        except Exception as e:
            raise ExportError(None, None, "importing %s failed: %s" % (self.path, _one_line(e)))
        finally:
            sys.path.remove(directory)
        factory = getattr(module, self.callable, None)
        if not callable(factory):
            raise ExportError(None, None, "%s defines no callable '%s'" % (self.path, self.callable))
        return factory


def _call(fn, what, **kwargs):
    try:
        return fn(**kwargs)
    except Exception as e:
        raise ExportError(None, None, "%s failed: %s" % (what, _one_line(e)))


def _one_line(e):
    text = str(e).strip().splitlines()
    return "%s: %s" % (type(e).__name__, text[0]) if text else type(e).__name__

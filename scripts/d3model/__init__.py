"""d3model: the d3lab model format (docs/MODEL_FORMAT.md) in Python, and an exporter of PyTorch models into it.

    format    analyze() mirrors the C++ parser, execute() runs a document with torch.nn.functional, dumps() writes it
    source    the module to export: torchvision:NAME or path/to/file.py:CALLABLE
    weights   loading a state_dict strictly, refilling constant tensors from the seed, the weights file d3lab reads
    trace     torch.fx tracing that records every node's module path, and runs that record every node's value
    convert   fx graph -> document (convert_graph), with values.py; ops.py maps each PyTorch op to layers
    check     the document executed against PyTorch's recorded values and the module's own output
    errors    ExportError, the one-line refusal

scripts/make_models.py uses format only; scripts/export_model.py uses the rest. Run with Debian's Python
(/usr/bin/python3), which has torch and torchvision.
"""

from .format import Invalid, analyze, dumps, execute

__all__ = ["Invalid", "analyze", "dumps", "execute"]

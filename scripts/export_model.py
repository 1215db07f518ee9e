#!/usr/bin/python3
"""Export a PyTorch model to d3lab's model format (docs/MODEL_FORMAT.md, "Exporting a PyTorch model").

usage: /usr/bin/python3 scripts/export_model.py SOURCE --out DIR [--input-shape C,H,W] [--seed N] [--name NAME]
                                                [--weights FILE] [--keep-init] [--torchscript] [--d3ctl PATH]
                                                [--no-verify]

SOURCE is torchvision:NAME (a builder of torchvision.models, built with weights=None) or path/to/file.py:CALLABLE
(CALLABLE() returns the torch.nn.Module; --input-shape is required then). The model is built after
torch.manual_seed(SEED); without --weights and --keep-init, every constant floating-point tensor of its state_dict
(zeroed heads, unit batch-norm statistics, ...) is refilled from the seed so that the checks exercise every weight.

The module is traced with torch.fx in eval mode, run on a seeded [1, C, H, W] input (and on a batch of two, to check
that every tensor keeps the batch first), and each node is mapped to layers of the format, named after the module
paths so that the state_dict loads by name. The document is executed by d3model's executor on the module's weights
and compared with every recorded value and with the module's own output. Only then it writes, in DIR:

    NAME.json    the model file
    NAME.pt      the weights it implies (a plain dict for torch.save; d3lab's LibTorch reads it)
    NAME.x.npy   the input, float32 [1, C, H, W]
    NAME.y.npy   the module's output for it, float32
    NAME.ts      with --torchscript: torch.jit.trace of the whole module, every tensor of its state_dict under its
                 own name (also those the graph does not use: d3lab reads it with --ignore-extra)

and runs `d3ctl verify DIR/NAME.json --weights DIR/NAME.pt --input DIR/NAME.x.npy --reference DIR/NAME.y.npy`
(d3ctl from --d3ctl, $D3CTL, build/bin/d3ctl or PATH), removing the files again if it fails.

Exit status: 0 exported (and verified); 1 the model cannot be exported or a check failed (nothing written); 2 bad
usage or no d3ctl; otherwise d3ctl verify's status. Run with Debian's Python, which has torch and torchvision.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy  # noqa: E402
import torch  # noqa: E402

from d3model import format as fmt  # noqa: E402
from d3model.check import check  # noqa: E402
from d3model.convert import convert_graph, ops_used  # noqa: E402
from d3model.errors import ExportError  # noqa: E402
from d3model.source import Source  # noqa: E402
from d3model.trace import record, trace  # noqa: E402
from d3model.weights import load_weights, refill_constants, save_weights  # noqa: E402

PROG = "export_model.py"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXIT_REFUSED, EXIT_USAGE = 1, 2


class Usage(Exception):
    pass


def parse_args(argv):
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", metavar="SOURCE", help="torchvision:NAME or path/to/file.py:CALLABLE")
    parser.add_argument("--out", metavar="DIR", required=True, help="folder to write NAME.json/.pt/.x.npy/.y.npy in")
    parser.add_argument("--input-shape", metavar="C,H,W", type=input_shape,
                        help="input shape without the batch (torchvision: 3,224,224, inception_v3 3,299,299)")
    parser.add_argument("--seed", metavar="N", type=int, default=1, help="seed of weights and input (default 1)")
    parser.add_argument("--name", metavar="NAME", help="model name (default: the torchvision name or CALLABLE)")
    parser.add_argument("--weights", metavar="FILE", help="a state_dict (or checkpoint) to load strictly")
    parser.add_argument("--keep-init", action="store_true", help="keep the module's own initialisation as it is")
    parser.add_argument("--torchscript", action="store_true", help="also write NAME.ts, a TorchScript trace")
    parser.add_argument("--d3ctl", metavar="PATH", help="the d3ctl to verify with")
    parser.add_argument("--no-verify", action="store_true", help="do not run d3ctl verify")
    return parser.parse_args(argv)


def input_shape(text):
    try:
        shape = tuple(int(v) for v in text.split(","))
    except ValueError:
        shape = ()
    if len(shape) != 3 or min(shape) < 1:
        raise argparse.ArgumentTypeError("must be C,H,W: three positive integers, e.g. 3,224,224")
    return shape


def find_d3ctl(explicit):
    """The d3ctl to run: --d3ctl, $D3CTL, <repo>/build/bin/d3ctl, then PATH."""
    for given, what in ((explicit, "--d3ctl"), (os.environ.get("D3CTL"), "$D3CTL")):
        if given:
            if not (os.path.isfile(given) and os.access(given, os.X_OK)):
                raise Usage("%s %s is not an executable file" % (what, given))
            return given
    built = os.path.join(REPO, "build", "bin", "d3ctl")
    if os.path.isfile(built) and os.access(built, os.X_OK):
        return built
    found = shutil.which("d3ctl")
    if found:
        return found
    raise Usage("no d3ctl to verify with: build it (./run.sh, or cmake --build build), give --d3ctl PATH or $D3CTL, "
                "or pass --no-verify")


def file_names(name, torchscript=False):
    names = {"json": name + ".json", "pt": name + ".pt", "x": name + ".x.npy", "y": name + ".y.npy"}
    if torchscript:
        names["ts"] = name + ".ts"
    return names


def torchscript_trace(model, x):
    """torch.jit.trace of the whole module (its tracer warnings about Python values are expected and silenced)."""
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.jit.trace(model, x.clone(), check_trace=False)
    except Exception as e:
        text = str(e).strip().splitlines()
        raise ExportError(None, None, "torch.jit.trace fails (for --torchscript): %s: %s"
                          % (type(e).__name__, text[0] if text else ""))


def write_files(out_dir, name, doc, tensors, x, y, traced=None):
    """Writes the files through a temporary folder in out_dir, so that a failure leaves none half-written."""
    try:
        os.makedirs(out_dir, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".%s." % name, dir=out_dir)
    except OSError as e:
        raise ExportError(None, None, "cannot write in %s: %s" % (out_dir, e.strerror or e))
    names = file_names(name, traced is not None)
    try:
        with open(os.path.join(staging, names["json"]), "w", encoding="utf-8", newline="\n") as f:
            f.write(fmt.dumps(doc))
        kind = save_weights(os.path.join(staging, names["pt"]), tensors)
        for key, array in (("x", x), ("y", y)):
            with open(os.path.join(staging, names[key]), "wb") as f:
                numpy.save(f, array.detach().numpy().astype(numpy.float32))
        if traced is not None:
            torch.jit.save(traced, os.path.join(staging, names["ts"]))
        for n in names.values():
            os.replace(os.path.join(staging, n), os.path.join(out_dir, n))
    except OSError as e:
        raise ExportError(None, None, "cannot write in %s: %s" % (out_dir, e.strerror or e))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return kind


def describe(source, shape, seed, weights, refilled):
    if weights:
        origin = "weights from %s" % os.path.basename(weights)
    elif refilled is None:
        origin = "seeded weights as initialised (--keep-init)"
    else:
        origin = "seeded weights, constant tensors refilled"
    return "%s, exported by scripts/export_model.py (input %s, seed %d, %s)" % (
        source, "x".join(str(v) for v in shape), seed, origin)


class Exported:
    """What export() made: the document, the check's result and the facts the report states."""

    def __init__(self, **facts):
        self.__dict__.update(facts)


def export(args, source, name, shape, times):
    """Build, trace, check and write; ExportError if anything fails (then nothing is written)."""
    t = time.perf_counter()
    model = source.build(args.seed)
    refilled = None
    if args.weights:
        load_weights(model, args.weights)
    elif not args.keep_init:
        refilled = refill_constants(model, args.seed)
    model.eval()
    times["build"] = time.perf_counter() - t

    t = time.perf_counter()
    generator = torch.Generator().manual_seed(args.seed)
    x = torch.randn((1,) + shape, generator=generator)
    x2 = torch.randn((2,) + shape, generator=generator)
    gm = trace(model)
    values = record(gm, x)
    try:
        values2 = record(gm, x2, shapes_only=True)
    except ExportError as e:
        values2 = None
        print("%s: the model does not run on a batch of two (%s): the batch dimension is not checked" % (name, e))
    state_dict = model.state_dict()
    converted = convert_graph(gm, values, values2, name, shape, state_dict,
                              describe(args.source, shape, args.seed, args.weights, refilled))
    times["trace"] = time.perf_counter() - t

    t = time.perf_counter()
    with torch.no_grad():
        y = model(x.clone())
    result = check(converted, state_dict, x, y)
    times["check"] = time.perf_counter() - t

    t = time.perf_counter()
    traced = torchscript_trace(model, x) if args.torchscript else None
    kind = write_files(args.out, name, converted.doc, result.tensors, x, y, traced)
    times["write"] = time.perf_counter() - t
    used = set(result.sources.values())
    return Exported(doc=converted.doc, notes=converted.notes, result=result, refilled=refilled, weights_kind=kind,
                    unused=[k for k in state_dict if k not in used])


def report(args, name, done, paths):
    """What the user should know about the export: refilled and unused tensors, the check, the files."""
    if done.refilled:
        print("%s: refilled %d constant tensors from seed %d (running_var and norm weights uniform in [0.5, 1.5], the "
              "rest normal with std 0.1; --keep-init keeps them): %s" % (name, len(done.refilled), args.seed,
                                                                          _some(done.refilled)))
    if done.unused:
        print("%s: %d state_dict tensors are not used by the exported graph and are not in %s.pt (a weights file "
              "that holds them, such as the module's own state_dict, needs d3lab's --ignore-extra): %s"
              % (name, len(done.unused), name, _some(done.unused)))
    for note in done.notes:
        print("%s: %s" % (name, note))
    r = done.result
    ops = ", ".join("%s %d" % (op, n) for op, n in sorted(ops_used(done.doc).items(), key=lambda e: (-e[1], e[0])))
    worst = " at %s" % r.worst_layer if r.max_relative > 0 else ""
    print("%s: checked: every layer matches PyTorch (max rel. diff %.1e%s%s), the output matches the module's "
          "forward (max rel. diff %.1e%s, argmax equal); ops: %s" % (
              name, r.max_relative, worst, ", bit-identical" if r.bit_identical else "", r.output_relative,
              ", bit-identical" if r.output_bit_identical else "", ops))
    print("%s: wrote %s, %s (%s%s), %s, %s%s" % (
        name, paths["json"], paths["pt"], _count(len(r.tensors), "tensor"),
        ", as TorchScript" if done.weights_kind == "TorchScript" else "", paths["x"], paths["y"],
        ", %s (the whole module, traced)" % paths["ts"] if "ts" in paths else ""))


def verify(args, d3ctl, paths):
    """Runs d3ctl verify on the written files (its output goes to ours); removes them if it fails. Its status."""
    command = [d3ctl, "verify", paths["json"], "--weights", paths["pt"], "--input", paths["x"], "--reference",
               paths["y"]]
    sys.stdout.flush()
    try:
        status = subprocess.run(command).returncode
    except OSError as e:
        print("%s: %s: cannot run %s: %s" % (PROG, args.source, d3ctl, e.strerror or e), file=sys.stderr)
        status = EXIT_USAGE
    if status != 0:
        for p in paths.values():
            if os.path.exists(p):
                os.remove(p)
        print("%s: %s: d3ctl verify failed (status %d); removed %s" % (
            PROG, args.source, status, ", ".join(paths.values())), file=sys.stderr)
    return status


def main(argv=None):
    args = parse_args(argv)

    def refuse(message, status):
        print("%s: %s: %s" % (PROG, args.source, message), file=sys.stderr)
        return status

    started = time.perf_counter()
    try:
        source = Source(args.source)
        name = args.name or source.name
        if not fmt.MODEL_NAME.match(name):
            raise Usage("the model name '%s' must be 1-64 characters of letters, digits, '_', '.', '-' (give --name)"
                        % name)
        shape = args.input_shape or source.input_shape
        if shape is None:
            raise Usage("--input-shape C,H,W is required for a model from a file")
        d3ctl = None if args.no_verify else find_d3ctl(args.d3ctl)
    except (Usage, ExportError) as e:
        return refuse(e, EXIT_USAGE)

    times = {}
    try:
        done = export(args, source, name, shape, times)
    except ExportError as e:
        return refuse(e, EXIT_REFUSED)
    exported = time.perf_counter() - started
    paths = {k: os.path.join(args.out, n) for k, n in file_names(name, args.torchscript).items()}
    report(args, name, done, paths)

    status, verified = 0, "not run (--no-verify)"
    if d3ctl is not None:
        t = time.perf_counter()
        status = verify(args, d3ctl, paths)
        verified = "%s (%.1f s)" % ("PASS" if status == 0 else "FAIL (status %d)" % status, time.perf_counter() - t)
    stages = ", ".join("%s %.1f" % (k, times[k]) for k in ("build", "trace", "check", "write"))
    print("%s: %s, %s parameters, exported in %.1f s (%s), d3ctl verify %s" % (
        name, _count(len(done.doc["layers"]), "layer"), format(done.result.learned, ","), exported, stages, verified))
    return status


def _count(n, noun):
    return "%d %s%s" % (n, noun, "" if n == 1 else "s")


def _some(keys, n=4):
    shown = ", ".join(keys[:n])
    return shown + (" and %d more" % (len(keys) - n) if len(keys) > n else "")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""d3bench_export: how long scripts/export_model.py takes per torchvision builder.

usage: /usr/bin/python3 bench/export/export_bench.py [--runs R] [--builders a,b,...|all] [--d3ctl PATH]

Each builder is exported R times (default 3) into a fresh temporary folder, with d3ctl verify, as a user runs it.
Per builder the table gives d3ctl verify's result against PyTorch and the median and the range of: the process's
wall time (Python's start and `import torch` included), the exporter's own stages as it reports them (build, trace,
check, write; seconds) and d3ctl verify's time. A builder that cannot be exported gets the exporter's one line
instead. --builders all tries every classification builder of torchvision.models. Prints a Markdown table and the
machine it ran on (docs/BENCHMARKS.md, docs/MODEL_FORMAT.md).
"""

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILDERS = ["alexnet", "convnext_tiny", "densenet121", "efficientnet_b0", "efficientnet_v2_s", "googlenet",
            "inception_v3", "mnasnet0_5", "mobilenet_v2", "mobilenet_v3_small", "regnet_y_400mf", "resnet18",
            "resnext50_32x4d", "shufflenet_v2_x0_5", "squeezenet1_0", "vgg11", "vit_b_32", "wide_resnet50_2"]
SUMMARY = re.compile(r": (\d+) layers, ([\d,]+) parameters, exported in ([\d.]+) s \(build ([\d.]+), trace ([\d.]+), "
                     r"check ([\d.]+), write ([\d.]+)\), d3ctl verify PASS \(([\d.]+) s\)")
COLUMNS = ["wall", "build", "trace", "check", "write", "verify"]
AGAINST_PYTORCH = re.compile(r"against the reference \(within [^)]*\): (max\|diff\| \S+) of max\|y\| (\S+),")


def cpu_name():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def export_once(builder, d3ctl):
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        run = subprocess.run([sys.executable, os.path.join(REPO, "scripts", "export_model.py"), "torchvision:" + builder,
                              "--out", out, "--d3ctl", d3ctl], capture_output=True, text=True)
        wall = time.perf_counter() - started
    m = SUMMARY.search(run.stdout)
    if run.returncode != 0 or not m:
        lines = (run.stderr or run.stdout).strip().splitlines()
        return None, None, None, "status %d: %s" % (run.returncode, lines[-1] if lines else "no output")
    layers, params = int(m.group(1)), m.group(2)
    against = AGAINST_PYTORCH.search(run.stdout)
    result = "PASS, " + ("bit-exact" if against and against.group(1) == "max|diff| 0" else
                         "%s of max|y| %s" % against.groups() if against else "?")
    return layers, params, dict(zip(COLUMNS, [wall] + [float(g) for g in m.groups()[3:]])), result


def cell(values):
    med = statistics.median(values)
    return "%.1f (%.1f-%.1f)" % (med, min(values), max(values)) if len(values) > 1 else "%.1f" % med


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--builders", default=",".join(BUILDERS))
    parser.add_argument("--d3ctl", default=os.path.join(REPO, "build", "bin", "d3ctl"))
    args = parser.parse_args()
    if args.runs < 1:
        sys.exit("export_bench.py: --runs must be at least 1")
    builders = args.builders.split(",")
    if args.builders == "all":
        import torchvision
        builders = torchvision.models.list_models(module=torchvision.models)
    rows = []
    for builder in builders:
        times = {c: [] for c in COLUMNS}
        for _ in range(args.runs):
            layers, params, t, result = export_once(builder, args.d3ctl)
            if t is None:
                break
            for c in COLUMNS:
                times[c].append(t[c])
        rows.append((builder, layers, params, result, times))
        print("export_bench.py: %s: %s" % (builder, result), file=sys.stderr)
    print("Seconds, median (min-max) of %d exports each, on %s, %d CPUs, torch from %s." % (
        args.runs, cpu_name(), os.cpu_count(), sys.executable))
    print()
    print("| builder | layers | parameters | d3ctl verify against PyTorch | " + " | ".join(COLUMNS) + " |")
    print("| :-- | --: | --: | :-- | " + " | ".join("--:" for _ in COLUMNS) + " |")
    for builder, layers, params, result, times in rows:
        cells = [cell(times[c]) if times[c] else "" for c in COLUMNS]
        print("| %s | %s | %s | %s | %s |" % (builder, layers or "", params or "", result.replace("|", "\\|"),
                                               " | ".join(cells)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A stream run's figures as Markdown (docs/BENCHMARKS.md, Streams): one row per model x objective x in-flight bound,
the medians over its repetitions (and their range) of what summary.json says of each phase, and the speed-up of each
row's steady rate over the latency plan sent one request at a time. The predicted rate is the cost model's: one over
the predicted latency for requests sent one at a time, the bottleneck's rate (predicted_rps) with several in flight.

    scripts/stream_table.py RUN_DIR [RUN_DIR ...]
"""
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

OBJECTIVES = ["latency", "throughput", "latency_under_rate"]


def phases(run):
    """(model, objective, in_flight, phase summary with the plans it ran) of every phase of a run."""
    summary = json.loads((run / "summary.json").read_text())
    experiment = json.loads((run / "experiment.json").read_text())
    stream = experiment.get("stream", {})
    conditions = {}
    for line in (run / "events.jsonl").read_text().splitlines():
        event = json.loads(line)
        if event.get("kind") == "phase":
            conditions[event["phase"]] = event.get("details", {}).get("condition", {})
    for p in summary["phases"]:
        c = conditions.get(p["phase"], {})
        objective = c.get("objective")
        objective = OBJECTIVES[int(objective)] if objective is not None else experiment.get("objective", "latency")
        in_flight = int(c.get("stream.in_flight", stream.get("in_flight", 1)))
        plans = {plan["plan"] for plan in summary["plans"] if plan["phase"] == p["phase"]}
        yield p["model"], objective, in_flight, dict(p, plans=plans)


def spread(values):
    values = sorted(values)
    return f"{statistics.median(values):.2f} ({values[0]:.2f}-{values[-1]:.2f})" if len(values) > 1 else f"{values[0]:.2f}"


def main(runs):
    rows = defaultdict(list)
    for run in runs:
        for model, objective, in_flight, p in phases(Path(run)):
            rows[(model, objective, in_flight)].append(p)
    print("| model | objective | in flight | plan | req/s steady | predicted req/s | steady / predicted | p50 ms | "
          "p95 ms | x latency plan, 1 in flight |")
    print("| :-- | :-- | --: | :-- | --: | --: | --: | --: | --: | --: |")
    for (model, objective, in_flight), ps in sorted(rows.items()):
        base = rows.get((model, "latency", 1), [])
        base_rps = statistics.median(p["steady_rps"] for p in base) if base else 0
        steady = [p["steady_rps"] for p in ps]
        plans = sorted(set().union(*(p["plans"] for p in ps)))
        # One request at a time, the rate is one over the latency; with several in flight, the bottleneck's rate.
        predicted = [(1000 / p["predicted_ms"] if in_flight == 1 else p["predicted_rps"]) if p["predicted_ms"] > 0
                     else 0 for p in ps]
        ratio = [s / r for s, r in zip(steady, predicted) if r > 0]
        print(f"| {model} | {objective} | {in_flight} | {' / '.join(plans)} | {spread(steady)} | "
              f"{spread(predicted)} | {spread(ratio) if ratio else '-'} | "
              f"{spread([p['p50_ms'] for p in ps])} | {spread([p['p95_ms'] for p in ps])} | "
              f"{spread([s / base_rps for s in steady]) if base_rps else '-'} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])

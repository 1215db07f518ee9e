#!/usr/bin/env python3
"""D3's claim against a recorded sweep: reads RUN/comparison.csv (d3ctl run experiments/d3-reproduction.json) and
prints, as Markdown, HPA's measured gain over the best counterpart and over each named baseline (largest and median
over the model x condition points), its backbone traffic against cloud-only where both use the backbone, where it
gains and where it does not, how often its plan uses three tiers, and measured / predicted for every row.

    /usr/bin/python3 bench/paper/d3_claim.py runs/d3-reproduction
"""
import csv
import statistics
import sys
from collections import defaultdict

COUNTERPARTS = ["device-only", "edge-only", "cloud-only", "neurosurgeon", "edge-cloud", "dads"]
NAMED = ["device-only", "cloud-only", "neurosurgeon", "dads", "edge-cloud"]


def main(run):
    rows = list(csv.DictReader(open(f"{run}/comparison.csv", newline="")))
    if not rows:
        sys.exit(f"{run}/comparison.csv: no rows")
    fixed = {"model", "planner", "tiles", "plan", "plan_short", "tiers", "plans", "same_plan_as", "n", "failed"}
    axes = [c for c in rows[0] if c not in fixed and not c.endswith("_ms") and not c.startswith("speedup_vs_")
            and c not in ("measured_over_predicted", "backbone_bytes", "backbone_vs_cloud_only")]
    points = defaultdict(dict)  # (model, condition) -> planner -> row
    for r in rows:
        points[(r["model"],) + tuple(r[a] for a in axes)][r["planner"]] = r
    p50 = lambda r: float(r["p50_ms"])

    gains = defaultdict(list)  # model -> gain over the best counterpart per point
    named = defaultdict(lambda: defaultdict(list))
    traffic, wins, ties, losses, three, vs_oracle = [], [], [], [], 0, []
    for key, by in sorted(points.items()):
        hpa = by.get("hpa")
        if not hpa or p50(hpa) <= 0:
            continue
        counter = [by[p] for p in COUNTERPARTS if p in by and p50(by[p]) > 0]
        best = min(counter, key=p50)
        g = p50(best) / p50(hpa)
        gains[key[0]].append(g)
        for p in NAMED:
            if p in by and p50(by[p]) > 0:
                named[p][key[0]].append(p50(by[p]) / p50(hpa))
        cloud = by.get("cloud-only")
        if cloud and float(cloud["backbone_bytes"]) > 0 and float(hpa["backbone_bytes"]) > 0:
            traffic.append((float(cloud["backbone_bytes"]) / float(hpa["backbone_bytes"]), key))
        where = ", ".join(f"{a}={v}" for a, v in zip(axes, key[1:]))
        line = (f"{key[0]} at {where}: HPA {hpa['plan_short']} {p50(hpa):.1f} ms, best counterpart "
                f"{best['planner']} ({best['plan_short']}) {p50(best):.1f} ms, x{g:.2f}")
        (wins if g > 1.05 else losses if g < 0.95 else ties).append(line)
        three += hpa["tiers"] == "device+edge+cloud"
        if "oracle" in by and p50(by["oracle"]) > 0:
            vs_oracle.append(p50(hpa) / p50(by["oracle"]))

    allg = [g for v in gains.values() for g in v]
    print(f"Points (model x condition): {len(allg)}; axes: {', '.join(axes)}\n")
    print("| model | HPA / best counterpart: largest | median | " + " | ".join(f"x {p}: largest, median" for p in NAMED) + " |")
    print("| :-- | --: | --: |" + " --: |" * len(NAMED))
    for model, g in gains.items():
        cells = []
        for p in NAMED:
            v = named[p][model]
            cells.append(f"{max(v):.2f}, {statistics.median(v):.2f}" if v else "-")
        print(f"| {model} | {max(g):.2f} | {statistics.median(g):.2f} | " + " | ".join(cells) + " |")
    cells = []
    for p in NAMED:
        v = [x for m in named[p].values() for x in m]
        cells.append(f"{max(v):.2f}, {statistics.median(v):.2f}" if v else "-")
    print(f"| all | {max(allg):.2f} | {statistics.median(allg):.2f} | " + " | ".join(cells) + " |\n")
    if traffic:
        t = [x for x, _ in traffic]
        top = max(traffic)
        print(f"Backbone bytes, cloud-only / HPA where both use the backbone: {len(t)} points, largest {top[0]:.2f} "
              f"({top[1][0]} at {', '.join(f'{a}={v}' for a, v in zip(axes, top[1][1:]))}), median {statistics.median(t):.2f}\n")
    else:
        print("Backbone bytes: HPA never uses the backbone where cloud-only does\n")
    print(f"HPA's plan uses device, edge and cloud together at {three} of {len(allg)} points.")
    if vs_oracle:
        print(f"HPA / oracle (measured p50): median {statistics.median(vs_oracle):.3f}, worst {max(vs_oracle):.3f}\n")
    mp = [float(r["measured_over_predicted"]) for r in rows if float(r["measured_over_predicted"]) > 0]
    within = sum(abs(x - 1) <= 0.15 for x in mp)
    print(f"Measured / predicted over {len(mp)} rows: median {statistics.median(mp):.2f}, {within} within 15%, "
          f"range {min(mp):.2f} to {max(mp):.2f}")
    by_planner = defaultdict(list)
    for r in rows:
        if float(r["measured_over_predicted"]) > 0:
            by_planner[r["planner"]].append(float(r["measured_over_predicted"]))
    print("| planner | median | within 15% |\n| :-- | --: | --: |")
    for p, v in by_planner.items():
        print(f"| {p} | {statistics.median(v):.2f} | {sum(abs(x - 1) <= 0.15 for x in v)}/{len(v)} |")
    print(f"\nHPA faster than the best counterpart by more than 5% at {len(wins)} points, within 5% at {len(ties)}, "
          f"slower by more than 5% at {len(losses)}.")
    for title, lines in (("Gains", wins), ("Losses", losses)):
        if lines:
            print(f"\n{title}:")
            for line in lines:
                print(f"- {line}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

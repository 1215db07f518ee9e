#!/usr/bin/env python3
"""Where would a three-tier plan win? Asks the cost model (d3ctl compare, FLOP estimate) for HPA's and the oracle's
plans over a grid of conditions much wider than any experiment runs: the device-edge and edge-cloud rates, the edge
node count, and the device's, edge nodes' and cloud's relative speeds (a cloud up to 20 times an edge node, as a GPU
server would be). Prints how many points each model has and at how many HPA or the oracle uses device, edge and
cloud together, with the first few such points.

    /usr/bin/python3 bench/paper/three_tier_scan.py [build/bin/d3ctl]
"""
import itertools
import json
import subprocess
import sys

D3CTL = sys.argv[1] if len(sys.argv) > 1 else "build/bin/d3ctl"
MODELS = ["alexnet", "vgg16", "resnet18", "googlenet", "mobilenet_v2", "tiny_yolov2"]
UPLINK = [1, 5, 20, 100]               # device <-> edge, Mbit/s
BACKBONE = [1, 5, 20, 50, 200]          # edge <-> cloud, Mbit/s
EDGE_NODES = [1, 4]
SPEEDS = [(0.1, 0.33), (0.02, 0.1), (0.01, 0.05), (0.5, 0.33)]  # (device, edge) against the cloud's 1


def run(*args):
    out = subprocess.run([D3CTL, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main():
    total = 0
    found = []
    for model in MODELS:
        layers = len(run("inspect", model, "--json")["layers"])
        points = three = 0
        for up, back, edges, (dev, edge) in itertools.product(UPLINK, BACKBONE, EDGE_NODES, SPEEDS):
            plans = run("compare", model, "--bw-de", str(up), "--bw-ec", str(back), "--rtt-de", "4", "--rtt-ec", "40",
                        "--edge-nodes", str(edges), "--speeds", f"device={dev},edge={edge},cloud=1", "--json")
            plans = plans if isinstance(plans, list) else plans.get("planners", plans)
            points += 1
            for p in plans:
                a, b = p["cuts"]
                if p["planner"] in ("hpa", "oracle") and 0 < a < b < layers:
                    three += 1
                    found.append((model, p["planner"], up, back, edges, dev, edge, a, b, p["grid"]))
        total += points
        print(f"{model}: {points} points, three-tier plans (hpa or oracle): {three}")
    print(f"all: {total} points, {len(found)} three-tier plans")
    for f in found[:20]:
        print("  %s %s: uplink %s, backbone %s Mbit/s, %s edge node(s), device %s, edge %s: cuts %s-%s grid %s" % f)


if __name__ == "__main__":
    main()

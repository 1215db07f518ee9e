#!/usr/bin/python3
"""Generate the built-in d3lab model files (models/*.json) and check them against torchvision.

Run from the repository root with Debian's Python, which has torch and torchvision:

    /usr/bin/python3 scripts/make_models.py          # check, then (re)write models/*.json
    /usr/bin/python3 scripts/make_models.py --check  # check, and compare with the files on disk; writes nothing

The six models (alexnet, vgg16, resnet18, googlenet, mobilenet_v2, tiny_yolov2) are described by hand below in
the d3lab-model format (docs/MODEL_FORMAT.md; the reader is core/graph/ModelParser.cpp). Layer names are
torchvision's module names, so "<layer>.weight" etc. are exactly the keys of torchvision's state_dict.

Each model is first validated by a Python mirror of the C++ parser's rules (d3model.analyze, in
scripts/d3model/format.py: names, inputs, attributes, shape inference, every output consumed), which also yields the
parameter tensors the file implies. Then, for the five torchvision models:
  * the implied tensors must equal torchvision's state_dict (same keys, same shapes);
  * the learned-parameter count must equal torchvision's and the published figure;
  * torchvision's output on a zero input must have the shape the file implies;
  * the file, executed op by op with torch.nn.functional (d3model.execute) on torchvision's (randomly initialised,
    with randomised batch-norm statistics) weights, must reproduce torchvision's eval-mode output on a random input,
    and every intermediate tensor must have the shape the mirror inferred.
tiny_yolov2 (not in torchvision) gets the mirror, an execution with random weights and an output-shape check.
A file is written only if all its checks pass; the exit status is non-zero if any check fails.
"""

import argparse
import json
import os
import sys

import torch
import torchvision

from d3model import Invalid, analyze, dumps, execute

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS_DIR = os.path.join(REPO, "models")

# Learned parameters (buffers excluded), as published by torchvision.
EXPECTED_PARAMS = {
    "alexnet": 61_100_840,
    "vgg16": 138_357_544,
    "resnet18": 11_689_512,
    "googlenet": 6_624_904,
    "mobilenet_v2": 3_504_872,
    "tiny_yolov2": 15_861_773,  # ours: 8 x (3x3 conv + bn) + 1x1 conv with bias
}


# --------------------------------------------------------------------------------------------------------------
# Building a model description
# --------------------------------------------------------------------------------------------------------------

class Model:
    """A model being described: layers appended in topological order. Each helper returns the layer's name."""

    def __init__(self, name, description, shape):
        self.name = name
        self.description = description
        self.shape = list(shape)
        self.layers = []

    def add(self, name, op, inputs=None, **attributes):
        layer = {"name": name, "op": op}
        if inputs is not None:
            layer["inputs"] = list(inputs)
        if attributes:
            layer["attributes"] = attributes
        self.layers.append(layer)
        return name

    def conv(self, name, cin, cout, k, stride=1, padding=0, groups=1, bias=True, inputs=None):
        attrs = {"in_channels": cin, "out_channels": cout, "kernel_size": k, "stride": stride, "padding": padding}
        if groups != 1:
            attrs["groups"] = groups
        attrs["bias"] = bias
        return self.add(name, "conv2d", inputs, **attrs)

    def bn(self, name, c, eps=None, inputs=None):
        attrs = {"num_features": c}
        if eps is not None:
            attrs["eps"] = eps
        return self.add(name, "batchnorm2d", inputs, **attrs)

    def maxpool(self, name, k, stride, padding=0, ceil_mode=False, inputs=None):
        attrs = {"kernel_size": k, "stride": stride, "padding": padding}
        if ceil_mode:
            attrs["ceil_mode"] = True
        return self.add(name, "maxpool2d", inputs, **attrs)

    def linear(self, name, fin, fout, inputs=None):
        return self.add(name, "linear", inputs, in_features=fin, out_features=fout, bias=True)

    def to_json(self):
        """Nicely formatted JSON: one layer per line."""
        return dumps(self.as_document())

    def as_document(self):
        return {"format": "d3lab-model", "version": 1, "name": self.name, "description": self.description,
                "input": {"name": "input", "shape": self.shape}, "layers": self.layers}


def alexnet():
    m = Model("alexnet", "AlexNet (torchvision variant, Krizhevsky 2014 'one weird trick'), ImageNet 1000 classes; "
              "layer names are torchvision's state_dict keys", [3, 224, 224])
    m.conv("features.0", 3, 64, 11, stride=4, padding=2)
    m.add("features.1", "relu")
    m.maxpool("features.2", 3, 2)
    m.conv("features.3", 64, 192, 5, padding=2)
    m.add("features.4", "relu")
    m.maxpool("features.5", 3, 2)
    m.conv("features.6", 192, 384, 3, padding=1)
    m.add("features.7", "relu")
    m.conv("features.8", 384, 256, 3, padding=1)
    m.add("features.9", "relu")
    m.conv("features.10", 256, 256, 3, padding=1)
    m.add("features.11", "relu")
    m.maxpool("features.12", 3, 2)
    m.add("avgpool", "adaptive_avgpool2d", output_size=6)
    m.add("flatten", "flatten")
    m.add("classifier.0", "dropout", p=0.5)
    m.linear("classifier.1", 256 * 6 * 6, 4096)
    m.add("classifier.2", "relu")
    m.add("classifier.3", "dropout", p=0.5)
    m.linear("classifier.4", 4096, 4096)
    m.add("classifier.5", "relu")
    m.linear("classifier.6", 4096, 1000)
    return m


def vgg16():
    m = Model("vgg16", "VGG-16 without batch norm (Simonyan & Zisserman 2014, configuration D), ImageNet 1000 "
              "classes; layer names are torchvision's state_dict keys", [3, 224, 224])
    cfg = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]
    i, cin = 0, 3
    for v in cfg:
        if v == "M":
            m.maxpool("features.%d" % i, 2, 2)
            i += 1
        else:
            m.conv("features.%d" % i, cin, v, 3, padding=1)
            m.add("features.%d" % (i + 1), "relu")
            i, cin = i + 2, v
    m.add("avgpool", "adaptive_avgpool2d", output_size=7)
    m.add("flatten", "flatten")
    m.linear("classifier.0", 512 * 7 * 7, 4096)
    m.add("classifier.1", "relu")
    m.add("classifier.2", "dropout", p=0.5)
    m.linear("classifier.3", 4096, 4096)
    m.add("classifier.4", "relu")
    m.add("classifier.5", "dropout", p=0.5)
    m.linear("classifier.6", 4096, 1000)
    return m


def resnet18():
    m = Model("resnet18", "ResNet-18 (He et al. 2015, BasicBlock [2, 2, 2, 2]), ImageNet 1000 classes; layer names "
              "are torchvision's state_dict keys", [3, 224, 224])
    m.conv("conv1", 3, 64, 7, stride=2, padding=3, bias=False)
    m.bn("bn1", 64)
    m.add("relu", "relu")
    x = m.maxpool("maxpool", 3, 2, padding=1)
    cin = 64
    for stage, (planes, stride) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2)], start=1):
        for b in range(2):
            s = stride if b == 0 else 1
            p = "layer%d.%d." % (stage, b)
            m.conv(p + "conv1", cin, planes, 3, stride=s, padding=1, bias=False, inputs=[x])
            m.bn(p + "bn1", planes)
            m.add(p + "relu1", "relu")
            m.conv(p + "conv2", planes, planes, 3, padding=1, bias=False)
            out = m.bn(p + "bn2", planes)
            identity = x
            if s != 1 or cin != planes:
                m.conv(p + "downsample.0", cin, planes, 1, stride=s, bias=False, inputs=[x])
                identity = m.bn(p + "downsample.1", planes)
            m.add(p + "add", "add", inputs=[out, identity])
            x = m.add(p + "relu2", "relu")
            cin = planes
    m.add("avgpool", "adaptive_avgpool2d", output_size=1)
    m.add("flatten", "flatten")
    m.linear("fc", 512, 1000)
    return m


def googlenet():
    m = Model("googlenet", "GoogLeNet / Inception v1 (Szegedy et al. 2014) as in torchvision: batch norm, 3x3 in the "
              "'5x5' branch, no auxiliary heads; ImageNet 1000 classes; layer names are torchvision's state_dict keys",
              [3, 224, 224])

    def basic(name, cin, cout, k, stride=1, padding=0, inputs=None):
        m.conv(name + ".conv", cin, cout, k, stride=stride, padding=padding, bias=False, inputs=inputs)
        m.bn(name + ".bn", cout, eps=0.001)
        return m.add(name + ".relu", "relu")

    def inception(name, x, cin, ch1, ch3red, ch3, ch5red, ch5, pool_proj):
        b1 = basic(name + ".branch1", cin, ch1, 1, inputs=[x])
        basic(name + ".branch2.0", cin, ch3red, 1, inputs=[x])
        b2 = basic(name + ".branch2.1", ch3red, ch3, 3, padding=1)
        basic(name + ".branch3.0", cin, ch5red, 1, inputs=[x])
        b3 = basic(name + ".branch3.1", ch5red, ch5, 3, padding=1)  # torchvision: kernel 3, not 5
        m.maxpool(name + ".branch4.0", 3, 1, padding=1, ceil_mode=True, inputs=[x])
        b4 = basic(name + ".branch4.1", cin, pool_proj, 1)
        return m.add(name + ".concat", "concat", inputs=[b1, b2, b3, b4])

    basic("conv1", 3, 64, 7, stride=2, padding=3)
    m.maxpool("maxpool1", 3, 2, ceil_mode=True)
    basic("conv2", 64, 64, 1)
    basic("conv3", 64, 192, 3, padding=1)
    x = m.maxpool("maxpool2", 3, 2, ceil_mode=True)
    x = inception("inception3a", x, 192, 64, 96, 128, 16, 32, 32)
    x = inception("inception3b", x, 256, 128, 128, 192, 32, 96, 64)
    x = m.maxpool("maxpool3", 3, 2, ceil_mode=True)
    x = inception("inception4a", x, 480, 192, 96, 208, 16, 48, 64)
    x = inception("inception4b", x, 512, 160, 112, 224, 24, 64, 64)
    x = inception("inception4c", x, 512, 128, 128, 256, 24, 64, 64)
    x = inception("inception4d", x, 512, 112, 144, 288, 32, 64, 64)
    x = inception("inception4e", x, 528, 256, 160, 320, 32, 128, 128)
    x = m.maxpool("maxpool4", 2, 2, ceil_mode=True)
    x = inception("inception5a", x, 832, 256, 160, 320, 32, 128, 128)
    x = inception("inception5b", x, 832, 384, 192, 384, 48, 128, 128)
    m.add("avgpool", "adaptive_avgpool2d", output_size=1)
    m.add("flatten", "flatten")
    m.add("dropout", "dropout", p=0.2)
    m.linear("fc", 1024, 1000)
    return m


def mobilenet_v2():
    m = Model("mobilenet_v2", "MobileNetV2 (Sandler et al. 2018, width 1.0), ImageNet 1000 classes; layer names are "
              "torchvision's state_dict keys", [3, 224, 224])

    def conv_bn_relu6(name, cin, cout, k, stride=1, groups=1):
        m.conv(name + ".0", cin, cout, k, stride=stride, padding=(k - 1) // 2, groups=groups, bias=False)
        m.bn(name + ".1", cout)
        return m.add(name + ".2", "relu6")

    x = conv_bn_relu6("features.0", 3, 32, 3, stride=2)
    cin, n_block = 32, 1
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                       (6, 320, 1, 1)]:
        for i in range(n):
            stride = s if i == 0 else 1
            hidden = int(round(cin * t))
            p = "features.%d.conv." % n_block
            k = 0
            if t != 1:
                conv_bn_relu6(p + "0", cin, hidden, 1)  # pointwise expansion
                k = 1
            conv_bn_relu6(p + str(k), hidden, hidden, 3, stride=stride, groups=hidden)  # depthwise
            m.conv(p + str(k + 1), hidden, c, 1, bias=False)  # pointwise linear projection
            out = m.bn(p + str(k + 2), c)
            if stride == 1 and cin == c:
                out = m.add("features.%d.add" % n_block, "add", inputs=[x, out])
            x, cin, n_block = out, c, n_block + 1
    conv_bn_relu6("features.18", 320, 1280, 1)
    m.add("avgpool", "adaptive_avgpool2d", output_size=1)  # torchvision: nn.functional.adaptive_avg_pool2d
    m.add("flatten", "flatten")
    m.add("classifier.0", "dropout", p=0.2)
    m.linear("classifier.1", 1280, 1000)
    return m


def tiny_yolov2():
    m = Model("tiny_yolov2", "Tiny YOLOv2 for PASCAL VOC (Redmon & Farhadi 2016, darknet yolov2-tiny-voc): output "
              "13x13 cells x 5 anchors x (5 + 20 classes); pool6 is maxpool 3x3 stride 1 pad 1 here (keeps 13x13), "
              "where darknet uses 2x2 stride 1 with an asymmetric pad the format cannot express",
              [3, 416, 416])
    cin = 3
    for i, c in enumerate([16, 32, 64, 128, 256, 512, 1024, 1024], start=1):
        m.conv("conv%d" % i, cin, c, 3, padding=1, bias=False)
        m.bn("bn%d" % i, c)
        m.add("leaky%d" % i, "leaky_relu", negative_slope=0.1)
        if i <= 5:
            m.maxpool("pool%d" % i, 2, 2)
        elif i == 6:
            m.maxpool("pool6", 3, 1, padding=1)
        cin = c
    m.conv("conv9", 1024, 125, 1, bias=True)
    return m


BUILDERS = [alexnet, vgg16, resnet18, googlenet, mobilenet_v2, tiny_yolov2]


# --------------------------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------------------------

def torchvision_model(name):
    if name == "googlenet":
        return torchvision.models.googlenet(weights=None, aux_logits=False, init_weights=False)
    return getattr(torchvision.models, name)(weights=None)


def check(model):
    """Returns a list of failure messages (empty if all checks pass) and a summary line."""
    failures = []
    doc = model.as_document()
    if json.loads(model.to_json()) != doc:
        failures.append("the formatted JSON does not read back as the document")
    try:
        analyzed = analyze(doc)
    except Invalid as e:
        return ["invalid model file: %s" % e], ""
    implied = {}
    for _, _, tensors in analyzed:
        implied.update(tensors)
    learned = sum(_numel(s) for s, is_learned in implied.values() if is_learned)
    out_shape = analyzed[-1][1]
    if learned != EXPECTED_PARAMS[model.name]:
        failures.append("learned parameters %d, expected %d" % (learned, EXPECTED_PARAMS[model.name]))

    torch.manual_seed(0)
    batch = (2,) + tuple(model.shape)
    if model.name in ("alexnet", "vgg16", "resnet18", "googlenet", "mobilenet_v2"):
        net = torchvision_model(model.name).eval()
        sd = net.state_dict()
        tv_keys, our_keys = set(sd), set(implied)
        if tv_keys != our_keys:
            failures.append("state_dict keys differ: only torchvision %s; only ours %s"
                            % (sorted(tv_keys - our_keys)[:8], sorted(our_keys - tv_keys)[:8]))
        for k in sorted(tv_keys & our_keys):
            if tuple(sd[k].shape) != implied[k][0]:
                failures.append("%s: torchvision %s, ours %s" % (k, tuple(sd[k].shape), implied[k][0]))
        tv_learned = sum(p.numel() for p in net.parameters())
        if tv_learned != learned:
            failures.append("torchvision has %d learned parameters, ours %d" % (tv_learned, learned))
        # randomise batch-norm so that it is not (nearly) the identity
        with torch.no_grad():
            for mod in net.modules():
                if isinstance(mod, torch.nn.BatchNorm2d):
                    mod.running_mean.uniform_(-0.5, 0.5)
                    mod.running_var.uniform_(0.5, 2.0)
                    mod.weight.uniform_(0.5, 1.5)
                    mod.bias.uniform_(-0.2, 0.2)
            zero_out = net(torch.zeros(batch))
            if tuple(zero_out.shape[1:]) != out_shape:
                failures.append("torchvision output shape %s, ours %s" % (tuple(zero_out.shape[1:]), out_shape))
            x = torch.randn(batch)
            reference = net(x)
            values = execute(doc, net.state_dict(), x)
    else:
        params = {k: torch.randn(s) * 0.05 if is_learned else torch.ones(s) for k, (s, is_learned) in implied.items()}
        with torch.no_grad():
            x = torch.randn(batch)
            values = execute(doc, params, x)
        reference = None
    for l, shape, _ in analyzed:
        actual = tuple(values[l["name"]].shape[1:])
        if actual != shape:
            failures.append("layer %s: executes to %s, the parser infers %s" % (l["name"], actual, shape))
    ours = values[doc["layers"][-1]["name"]]
    summary = "%d layers, output %s, %s learned parameters" % (len(doc["layers"]), list(out_shape), f"{learned:,}")
    if reference is not None:
        diff = (ours - reference).abs().max().item() / max(reference.abs().max().item(), 1e-12)
        if not diff < 1e-5:
            failures.append("executed file differs from torchvision's forward: max relative error %.3g" % diff)
        summary += ", matches torchvision forward (max rel. diff %.1e%s)" % (diff, ", bitwise" if diff == 0 else "")
    elif tuple(ours.shape[1:]) != out_shape:
        failures.append("executed output shape %s" % (tuple(ours.shape[1:]),))
    return failures, summary


def _numel(shape):
    n = 1
    for v in shape:
        n *= v
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="write nothing; fail if a file on disk differs")
    args = ap.parse_args()
    torch.set_grad_enabled(False)
    ok = True
    for build in BUILDERS:
        model = build()
        failures, summary = check(model)
        path = os.path.join(MODELS_DIR, model.name + ".json")
        text = model.to_json()
        if not failures and args.check:
            on_disk = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if on_disk != text:
                failures.append("%s is missing or out of date (run without --check)" % os.path.relpath(path, REPO))
        if failures:
            ok = False
            print("FAIL %s" % model.name)
            for f in failures:
                print("     " + f)
            continue
        if not args.check:
            os.makedirs(MODELS_DIR, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        print("ok   %-13s %s" % (model.name, summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

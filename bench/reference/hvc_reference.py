#!/usr/bin/python3
"""PyTorch reference for LessData's benchmark (issue: compare LessData with PyTorch on the same work).

The HVC capsule network of Byerly et al. (single branch), the training step (per-sample cross-entropy, mean, Adam)
and the batched MNIST-style augmentation, written for Debian's python3-torch (run with /usr/bin/python3).

  throughput: prints one JSON line {"imagesPerSecond": ..., "parameters": ...} for a training step
  check:      loads weights + input exported by `lessdata bench --export-check DIR`, runs the model in eval mode and
              prints {"maxAbsDiff": ..., "parameters": ...} against LessData's own output.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {
    # name: (depth, first width, growth)
    "hvc": (9, 32, 16),
}


class Hvc(nn.Module):
    def __init__(self, channels, height, width, classes, depth, first, growth):
        super().__init__()
        layers, c = [], channels
        for i in range(depth):
            out = first + growth * i
            layers += [nn.Conv2d(c, out, 3, bias=False), nn.BatchNorm2d(out), nn.ReLU()]
            c = out
        self.features = nn.Sequential(*layers)
        h, w = height - 2 * depth, width - 2 * depth
        self.capsules = h * w
        self.dim = c
        self.weight = nn.Parameter(torch.empty(classes, self.capsules, self.dim))
        nn.init.xavier_uniform_(self.weight)
        self.class_norm = nn.BatchNorm1d(self.dim)

    def forward(self, x):
        f = self.features(x)                                   # [B, D, H, W]
        u = f.flatten(2).transpose(1, 2)                       # [B, P, D] primary capsules
        v = torch.einsum("bpd,cpd->bcd", u, self.weight)       # [B, classes, D] class capsules
        v = F.relu(self.class_norm(v.transpose(1, 2)).transpose(1, 2))
        return v.norm(dim=2)                                    # logits = capsule lengths


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def throughput(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    depth, first, growth = args.depth, args.first, args.growth
    model = Hvc(args.channels, args.size, args.size, 10, depth, first, growth)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.rand(args.batch, args.channels, args.size, args.size)
    y = torch.randint(0, 10, (args.batch,))
    model.train()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x - 0.5), y, reduction="none").mean()
        loss.backward()
        opt.step()

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.iterations):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    print(json.dumps({"imagesPerSecond": args.batch / median, "parameters": parameter_count(model),
                      "threads": args.threads, "batch": args.batch, "torch": torch.__version__}))


def read_tensor(folder, entry):
    import array
    data = array.array("f")
    with open(os.path.join(folder, entry["file"]), "rb") as fh:
        data.frombytes(fh.read())
    if sys.byteorder != "little":
        data.byteswap()
    return torch.tensor(data.tolist(), dtype=torch.float32).reshape(entry["shape"])


def check(args):
    with open(os.path.join(args.folder, "manifest.json")) as fh:
        manifest = json.load(fh)
    depth, first, growth = manifest["depth"], manifest["first"], manifest["growth"]
    c, h, w = manifest["input"]["shape"][1:]
    model = Hvc(c, h, w, manifest["classes"], depth, first, growth)
    state = model.state_dict()
    names = list(state.keys())
    exported = manifest["state"]
    if len(exported) != len([n for n in names if not n.endswith("num_batches_tracked")]):
        print(json.dumps({"error": f"state has {len(exported)} tensors, reference expects {len(names)}"}))
        return 1
    loaded = {}
    ref_names = [n for n in names if not n.endswith("num_batches_tracked")]
    for ref_name, entry in zip(ref_names, exported):
        t = read_tensor(args.folder, entry)
        if tuple(t.shape) != tuple(state[ref_name].shape):
            print(json.dumps({"error": f"{entry['name']} {list(t.shape)} does not fit {ref_name} {list(state[ref_name].shape)}"}))
            return 1
        loaded[ref_name] = t
    model.load_state_dict(loaded, strict=False)
    model.eval()
    x = read_tensor(args.folder, manifest["input"])
    expected = read_tensor(args.folder, manifest["output"])
    with torch.no_grad():
        out = model(x)
    print(json.dumps({"maxAbsDiff": float((out - expected).abs().max()), "parameters": parameter_count(model),
                      "maxAbs": float(out.abs().max())}))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--batch", type=int, default=120)
    t.add_argument("--size", type=int, default=28)
    t.add_argument("--channels", type=int, default=1)
    t.add_argument("--depth", type=int, default=9)
    t.add_argument("--first", type=int, default=32)
    t.add_argument("--growth", type=int, default=16)
    t.add_argument("--warmup", type=int, default=2)
    t.add_argument("--iterations", type=int, default=5)
    c = sub.add_parser("check")
    c.add_argument("folder")
    args = p.parse_args()
    return throughput(args) if args.mode == "throughput" else check(args)


if __name__ == "__main__":
    sys.exit(main() or 0)

#!/usr/bin/python3
"""PyTorch reference for LessData's benchmark (compare LessData with PyTorch on the same work).

The HVC capsule network of Byerly et al. (single branch), the training step (per-sample cross-entropy, mean, Adam)
and the batched MNIST-style augmentation (rotate, margin shift, squish, erase; the same operations as
src/LessData/Augmentation), written for Debian's python3-torch (run with /usr/bin/python3).

  throughput: one JSON line {"imagesPerSecond": ..., "parameters": ...} for the same sequential step LessData's
              bench times: pick a random batch from a uint8 set, gather it, augment it, forward, backward, Adam.
  check:      loads the weights, input and output `lessdata bench` exported, runs the model (in the mode the manifest names) and
              prints {"maxAbsDiff": ..., "parameters": ...} against LessData's own output.
"""
import math
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


def affine(images, theta, mode="bilinear"):
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, mode=mode, padding_mode="zeros", align_corners=False)


def theta(a, b, c, d, e, f):
    return torch.stack([a, b, c, d, e, f], 1).view(-1, 2, 3).float()


def clipped_normal(n):
    return (torch.randn(n) * 0.33).clamp(-0.9999, 0.9999)


def half_normal(n):
    return (torch.randn(n) * 0.33).abs().clamp(max=0.9999)


def augment(batch):
    """uint8 [B, C, H, W] -> centred float, as LessData's MnistTransform.Train."""
    x = batch.float() / 256.0
    n, _, h, w = x.shape
    # rotation: half of the images, 30 deg * clipped N(0, 0.33)
    amount, rotate = clipped_normal(n), clipped_normal(n).le(0)
    rad = torch.where(rotate, amount * (30 * math.pi / 180), torch.zeros(n))
    cos, sin, zero = rad.cos(), rad.sin(), torch.zeros(n)
    x = affine(x, theta(cos, sin * (h / w), zero, -sin * (w / h), cos, zero))
    # margin shift: a fraction of the blank margin, whole pixels, nearest
    ink = x.sum(1).gt(0)
    cols, rows = ink.any(1).int(), ink.any(2).int()
    left, right, top, bottom = cols.argmax(1), cols.flip(1).argmax(1), rows.argmax(1), rows.flip(1).argmax(1)
    towards, amt = (torch.rand(2 * n) < 0.5).view(2, n), half_normal(2 * n).view(2, n)
    dx = torch.where(towards[0], (amt[0] * (right.float() + 1)).floor(), (-amt[0] * left.float()).floor())
    dy = torch.where(towards[1], (amt[1] * (bottom.float() + 1)).floor(), (-amt[1] * top.float()).floor())
    one, zero = torch.ones(n), torch.zeros(n)
    x = affine(x, theta(one, zero, dx * (-2.0 / w), zero, one, dy * (-2.0 / h)), mode="nearest")
    # squish: narrow by floor(a*W/4)+1 columns, offset w//2 + (0 or 1)
    a = half_normal(2 * n).view(2, n)
    narrow = (a[0] * (w / 4.0)).floor() + 1
    offset = (narrow / 2).floor() + (a[1] * 2).floor()
    scale = w / (w - narrow)
    x = affine(x, theta(scale, zero, scale - 1 - scale * offset * (2.0 / w), zero, one, zero))
    # erase: one 4x4 patch, top-left corner in [4, H-6] x [4, W-6]
    t = torch.randint(4, max(4, h - 6) + 1, (n,))
    l = torch.randint(4, max(4, w - 6) + 1, (n,))
    r_, c_ = torch.arange(h).view(1, -1), torch.arange(w).view(1, -1)
    in_r = r_.ge(t.view(-1, 1)) & r_.lt(t.view(-1, 1) + 4)
    in_c = c_.ge(l.view(-1, 1)) & c_.lt(l.view(-1, 1) + 4)
    x = x * (~(in_r.unsqueeze(2) & in_c.unsqueeze(1))).float().unsqueeze(1)
    return (x - 0.5) * 2.0


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def throughput(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    depth, first, growth = args.depth, args.first, args.growth
    model = Hvc(args.channels, args.size, args.size, 10, depth, first, growth)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.randint(0, 256, (args.dataset, args.channels, args.size, args.size), dtype=torch.uint8)
    labels = torch.randint(0, 10, (args.dataset,))
    model.train()

    def step():
        idx = torch.randperm(args.dataset)[:args.batch]
        x = augment(images.index_select(0, idx))
        y = labels.index_select(0, idx)
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y, reduction="none").mean()
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
    for entry in exported:
        ref_name = entry["name"]
        if ref_name not in state:
            print(json.dumps({"error": f"LessData tensor {ref_name} has no counterpart in the reference"}))
            return 1
        t = read_tensor(args.folder, entry)
        if tuple(t.shape) != tuple(state[ref_name].shape):
            print(json.dumps({"error": f"{entry['name']} {list(t.shape)} does not fit {ref_name} {list(state[ref_name].shape)}"}))
            return 1
        loaded[ref_name] = t
    model.load_state_dict(loaded, strict=False)
    model.train(manifest.get("mode") == "train")
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
    t.add_argument("--dataset", type=int, default=6000)
    t.add_argument("--warmup", type=int, default=2)
    t.add_argument("--iterations", type=int, default=5)
    c = sub.add_parser("check")
    c.add_argument("folder")
    args = p.parse_args()
    return throughput(args) if args.mode == "throughput" else check(args)


if __name__ == "__main__":
    sys.exit(main() or 0)

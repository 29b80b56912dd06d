#!/usr/bin/python3
"""PyTorch check of a model LessData saved: loads RUN/model.safetensors into the same architecture defined here in
PyTorch (names as in the published definitions), preprocesses the images as model.json says, and compares the class
probabilities with those `lessdata predict --json` printed for the same files.

    ./lessdata predict --run R --json IMAGES... > R/lessdata-predictions.jsonl
    /usr/bin/python3 bench/reference/resnet_reference.py --run R --lessdata R/lessdata-predictions.jsonl

Prints {"images": n, "sameTop1": k, "maxAbsDiff": ...}. Written for Debian's python3-torch (1.13); needs no other
package: the safetensors file and 8-bit PNGs (greyscale or RGB, no interlace) are read with the standard library.
ResNet-20: He et al. 2016 §4.2 with option A shortcuts (as akamaster/pytorch_resnet_cifar10); ResNet-18: the CIFAR
variant of kuangliu/pytorch-cifar. Both pool globally (the mean over H, W), which equals their avg_pool on 32x32.
"""
import argparse
import json
import struct
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, inp, planes, stride, projection):
        super().__init__()
        self.conv1 = nn.Conv2d(inp, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        self.option_a = None
        if stride != 1 or inp != planes:
            if projection:
                self.shortcut = nn.Sequential(nn.Conv2d(inp, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))
            else:
                pad = planes - inp
                self.option_a = lambda x: F.pad(x[:, :, ::stride, ::stride], (0, 0, 0, 0, pad // 2, pad - pad // 2))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out = out + (self.option_a(x) if self.option_a else self.shortcut(x))
        return F.relu(out)


class ResNet(nn.Module):
    def __init__(self, blocks, widths, projection, channels, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, widths[0], 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(widths[0])
        c = widths[0]
        for s, (n, w) in enumerate(zip(blocks, widths)):
            layer = []
            for b in range(n):
                layer.append(BasicBlock(c, w, 2 if s > 0 and b == 0 else 1, projection))
                c = w
            setattr(self, f"layer{s + 1}", nn.Sequential(*layer))
        self.stages = len(blocks)
        self.linear = nn.Linear(c, classes)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        for s in range(self.stages):
            out = getattr(self, f"layer{s + 1}")(out)
        return self.linear(out.mean(dim=(2, 3)))


ARCHITECTURES = {
    "resnet20": ([3, 3, 3], [16, 32, 64], False),
    "resnet18": ([2, 2, 2, 2], [64, 128, 256, 512], True),
}

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8}


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        t = torch.frombuffer(bytearray(body[start:end]), dtype=DTYPES[meta["dtype"]])
        tensors[name] = t.reshape(meta["shape"]).clone()
    return tensors


def read_png(path):
    """8-bit greyscale / RGB / RGBA PNG, not interlaced: returns (channels, height, width, bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, payload = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", payload)
            assert depth == 8 and interlace == 0 and colour in (0, 2, 6), f"{path}: unsupported PNG"
            bpp = {0: 1, 2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += payload
        pos += 12 + n
    raw, stride, out, prev = zlib.decompress(idat), width * bpp, bytearray(), bytearray(width * bpp)
    for r in range(height):
        filt, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if filt == 1: line[i] = (line[i] + a) & 255
            elif filt == 2: line[i] = (line[i] + b) & 255
            elif filt == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    pixels = torch.tensor(list(out), dtype=torch.uint8).reshape(height, width, bpp)[:, :, :min(bpp, 3)]
    return pixels.permute(2, 0, 1).contiguous()


def preprocess(pixels, d):
    """model.json's test-time pipeline for the cifar/mnist/none pipelines: u = byte/256; (u - mean)/std, else (u - 0.5)·2."""
    assert d["pipeline"] in ("cifar", "mnist", "none"), "the norb pipeline is not reproduced here"
    if pixels.shape[0] == 3 and d["channels"] == 1:
        r, g, b = (pixels[i].int() for i in range(3))
        pixels = ((299 * r + 587 * g + 114 * b + 500) // 1000).to(torch.uint8).unsqueeze(0)
    assert tuple(pixels.shape[1:]) == (d["height"], d["width"]), "resize the images to the model's size first"
    u = pixels.float() / 256.0
    if d.get("normalization"):
        mean = torch.tensor(d["normalization"]["mean"]).view(-1, 1, 1).float()
        std = torch.tensor(d["normalization"]["std"]).view(-1, 1, 1).float()
        return (u - mean) / std
    return (u - 0.5) * 2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True)
    ap.add_argument("--lessdata", required=True, help="JSON lines from `lessdata predict --json`")
    a = ap.parse_args()
    d = json.load(open(f"{a.run}/model.json"))
    blocks, widths, projection = ARCHITECTURES[d["model"]]
    model = ResNet(blocks, widths, projection, d["inputChannels"], len(d["classes"]))
    state = load_safetensors(f"{a.run}/model.safetensors")
    missing, unexpected = model.load_state_dict(state, strict=True), None
    model.eval()
    torch.set_num_threads(2)
    rows = [json.loads(line) for line in open(a.lessdata) if line.strip()]
    x = torch.stack([preprocess(read_png(r["file"]), d) for r in rows])
    with torch.no_grad():
        p = F.softmax(model(x).double(), dim=1)
    theirs = torch.tensor([r["probabilities"] for r in rows], dtype=torch.float64)
    same = int((p.argmax(1) == theirs.argmax(1)).sum())
    print(json.dumps({"images": len(rows), "sameTop1": same, "maxAbsDiff": float((p - theirs).abs().max()),
                      "parameters": sum(t.numel() for t in model.parameters()), "torch": torch.__version__}))


if __name__ == "__main__":
    main()

// Your own TorchSharp loop, with LessData's selection stage: Fashion-MNIST, a small CNN of our own, step:0.5@0.5 + loss.
// Usage: OwnLoop [data folder with the IDX files] [training images] [epochs]
using System.IO.Compression;
using LessData.Selection;
using LessData.Torch;
using TorchSharp;
using static TorchSharp.torch;

string dir = args.Length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist";
int limit = args.Length > 1 ? int.Parse(args[1]) : 6000, epochs = args.Length > 2 ? int.Parse(args[2]) : 4;
ShapeCaches.Bound();                                          // memory stays flat when epochs change size
torch.manual_seed(1);
var (xTrain, yTrain) = Load(dir, "train", limit);
var (xTest, yTest) = Load(dir, "t10k", 2000);
int n = (int)xTrain.shape[0];

// 1. The stage: how many images each epoch (Data Step) and which ones (hardest by loss, the rest random).
var stage = SelectionStage.Create("step:0.5@0.5", "loss", trainSize: n, epochs: epochs, seed: 1);
using var selectionLoss = new SelectionLoss(stage);
var model = new SmallCnn();
var optimizer = torch.optim.Adam(model.parameters(), 0.001);

for (int epoch = 0; epoch < epochs; epoch++)
{
    EpochPlan plan = selectionLoss.Begin(epoch);              // 2. this epoch's images
    model.train();
    foreach (var batch in plan.Batches(64))
    {
        using var scope = torch.NewDisposeScope();
        var idx = batch.IndexTensor();
        optimizer.zero_grad();
        var perSample = nn.functional.cross_entropy(model.forward(xTrain.index_select(0, idx)), yTrain.index_select(0, idx), reduction: nn.Reduction.None);
        selectionLoss.Compute(perSample, idx).backward();     // 3. the losses go back to the stage
        optimizer.step();
    }
    NativeHeap.Trim();                                        // freed blocks of this epoch's batch shapes go back
    Console.WriteLine($"epoch {epoch + 1}: {plan.Count} images, train loss {selectionLoss.End():F4}");
}

model.eval();
double top1;
using (torch.no_grad()) top1 = model.forward(xTest).argmax(1).eq(yTest).to_type(ScalarType.Float32).mean().item<float>();
Console.WriteLine($"evaluations counted: {stage.CountedEvaluations}, predicted by the method's formula: {stage.PredictedEvaluations} (full data: {(long)epochs * n})");
Console.WriteLine($"top-1: {top1 * 100:F2}% on {xTest.shape[0]} test images");
return stage.CountedEvaluations == stage.PredictedEvaluations ? 0 : 1;

static (Tensor X, Tensor Y) Load(string dir, string split, int limit)
{
    byte[] Read(string name)
    {
        var path = Path.Combine(dir, name);
        if (File.Exists(path)) return File.ReadAllBytes(path);
        using var gz = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
    var images = Read($"{split}-images-idx3-ubyte");
    var labels = Read($"{split}-labels-idx1-ubyte");
    int count = Math.Min(limit, labels.Length - 8), rows = images[11], cols = images[15];
    var x = torch.tensor(images[16..(16 + count * rows * cols)]).reshape(count, 1, rows, cols).to_type(ScalarType.Float32).div_(255);
    return (x, torch.tensor(labels[8..(8 + count)]).to_type(ScalarType.Int64));
}

sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _net = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10));

    public SmallCnn() : base(nameof(SmallCnn)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _net.forward(x);
}

using LessData.Augmentation;
using LessData.Data;
using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// A model's predictions in inference mode with the test-time transform: the predicted class of every image of a
/// split (batched exactly as <see cref="Evaluator"/> is, so top-1 agrees with it), or class probabilities of a batch.
/// </summary>
internal static class Predictor
{
    public static int[] Classes(nn.Module<Tensor, Tensor> model, ImageDataset data, IBatchTransform transform, int batchSize = 500)
    {
        model.eval();
        var batches = Enumerable.Range(0, data.Count).Chunk(batchSize).Select(c => new Batch(c, null)).ToList();
        var predicted = new List<int>(data.Count);
        using var inference = torch.inference_mode();
        using var producer = new BatchProducer(data, transform, batches, generator: null);
        foreach (var batch in producer.Consume())
        {
            using (batch)
            using (torch.NewDisposeScope())
                predicted.AddRange(model.forward(batch.Images).argmax(1).to(ScalarType.Int32).data<int>().ToArray());
        }
        return [.. predicted];
    }

    /// <summary>Softmax probabilities [B, classes] for a uint8 batch [B, C, H, W].</summary>
    public static double[][] Probabilities(nn.Module<Tensor, Tensor> model, Tensor images, IBatchTransform transform)
    {
        model.eval();
        using var inference = torch.inference_mode();
        using var scope = torch.NewDisposeScope();
        var p = nn.functional.softmax(model.forward(transform.Test(images)), 1).to(ScalarType.Float64);
        long n = p.shape[0], k = p.shape[1];
        var flat = p.data<double>().ToArray();
        return Enumerable.Range(0, (int)n).Select(i => flat.Skip(i * (int)k).Take((int)k).ToArray()).ToArray();
    }
}

using LessData.Augmentation;
using LessData.Data;
using LessData.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>Top-1 accuracy of a model on a whole split, in inference mode, with the test-time transform.</summary>
internal static class Evaluator
{
    public static double Top1(nn.Module<Tensor, Tensor> model, ImageDataset test, IBatchTransform transform, int batchSize = 500)
    {
        model.eval();
        var all = Enumerable.Range(0, test.Count).ToArray();
        var batches = all.Chunk(batchSize).Select(c => new Batch(c, null)).ToList();
        long correct = 0;
        using var inference = torch.inference_mode();
        using var producer = new BatchProducer(test, transform, batches, generator: null);
        using var hits = torch.zeros(1, ScalarType.Int64);
        foreach (var batch in producer.Consume())
        {
            using (batch)
            using (var scope = torch.NewDisposeScope())
            {
                var predicted = model.forward(batch.Images).argmax(1);
                hits.add_(predicted.eq(batch.Labels).sum());
            }
        }
        correct = hits.item<long>();
        return test.Count == 0 ? 0 : (double)correct / test.Count;
    }
}

using LessData.Models;
using TorchSharp;

namespace LessData.Benchmarks;

/// <summary>
/// Is the PyTorch reference the same model? Exports a LessData HVC's weights, an input batch and LessData's output
/// (training-mode batch-norm, see WeightExport), has the reference load them by name, and compares parameter counts and outputs.
/// </summary>
internal static class ReferenceCheck
{
    public static BenchResult.ReferenceCheckResult Run(PytorchReference reference, string model, int channels, int height, int width, int classes)
    {
        var folder = Directory.CreateTempSubdirectory("lessdata-check-").FullName;
        try
        {
            torch.manual_seed(11);
            using var network = ModelFactory.Create(model, channels, height, width, classes);
            using var input = torch.rand(8, channels, height, width).mul_(2).sub_(1);
            var a = ModelFactory.Architecture(model);
            WeightExport.Write(folder, network, input, new Dictionary<string, object>
            {
                ["depth"] = a.Depth, ["first"] = a.FirstWidth, ["growth"] = a.Growth, ["classes"] = classes,
            });
            var json = reference.Check(folder);
            return new BenchResult.ReferenceCheckResult(ModelFactory.ParameterCount(network), json.GetProperty("parameters").GetInt64(),
                json.GetProperty("maxAbsDiff").GetDouble(), json.GetProperty("maxAbs").GetDouble());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

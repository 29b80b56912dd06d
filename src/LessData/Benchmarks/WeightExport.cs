using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Benchmarks;

/// <summary>
/// Writes a model's state (parameters and buffers in registration order, float32, little-endian raw files), an input
/// batch and the model's output into a folder, so the PyTorch reference can load the same weights and compare outputs.
/// The output is taken in training mode (batch-norm on batch statistics): with fresh running statistics an eval-mode
/// output is nearly zero and would make the comparison meaningless.
/// </summary>
internal static class WeightExport
{
    public static void Write(string folder, nn.Module<Tensor, Tensor> model, Tensor input, IDictionary<string, object> architecture)
    {
        Directory.CreateDirectory(folder);
        var state = new List<object>();
        int i = 0;
        foreach (var (name, tensor) in model.state_dict())
        {
            if (tensor.dtype != ScalarType.Float32) continue; // num_batches_tracked counters
            state.Add(Save(folder, $"t{i++}.bin", name, tensor));
        }
        model.train();
        using var output = Output(model, input);
        var manifest = new Dictionary<string, object>(architecture)
        {
            ["mode"] = "train",
            ["state"] = state,
            ["input"] = Save(folder, "input.bin", "input", input),
            ["output"] = Save(folder, "output.bin", "output", output),
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest));
    }

    private static Tensor Output(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        using var _ = torch.no_grad();
        return model.forward(input);
    }

    private static object Save(string folder, string file, string name, Tensor tensor)
    {
        using var flat = tensor.detach().contiguous().to(ScalarType.Float32);
        var values = flat.data<float>().ToArray();
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(Path.Combine(folder, file), bytes);
        return new { name, shape = tensor.shape, file };
    }
}

namespace LessData.Models.ResNets;

/// <summary>
/// The shape of a CIFAR-style ResNet: blocks per stage, stage widths, and the shortcut option (projection = B).
/// <list type="bullet">
/// <item><c>resnet20</c>: He et al. 2016 §4.2: 3 stages × 3 blocks, widths 16/32/64, option A shortcuts; 0.27 M parameters.</item>
/// <item><c>resnet18</c>: the CIFAR variant used for InfoBatch's CIFAR-10 results (kuangliu/pytorch-cifar): 3x3 stem,
/// no max-pool, 4 stages × 2 blocks, widths 64/128/256/512, option B shortcuts; 11.17 M parameters.</item>
/// </list>
/// </summary>
internal sealed record ResNetArchitecture(string Name, IReadOnlyList<int> Blocks, IReadOnlyList<int> Widths, bool Projection)
{
    public static readonly ResNetArchitecture ResNet20 = new("resnet20", [3, 3, 3], [16, 32, 64], Projection: false);
    public static readonly ResNetArchitecture ResNet18 = new("resnet18", [2, 2, 2, 2], [64, 128, 256, 512], Projection: true);

    public static ResNetArchitecture? Named(string name) => name switch
    {
        "resnet20" => ResNet20,
        "resnet18" => ResNet18,
        _ => null,
    };

    /// <summary>Multiply-adds of one forward pass on an image (convolutions and the linear layer).</summary>
    public long MultiplyAdds(int channels, int height, int width, int classes)
    {
        int h = height, w = width, c = Widths[0];
        long macs = 9L * channels * c * h * w;
        for (int stage = 0; stage < Widths.Count; stage++)
            for (int b = 0; b < Blocks[stage]; b++)
            {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int inC = c;
                c = Widths[stage];
                int oh = (h - 1) / stride + 1, ow = (w - 1) / stride + 1;
                macs += 9L * inC * c * oh * ow + 9L * c * c * oh * ow;
                if (Projection && (stride != 1 || inC != c)) macs += (long)inC * c * oh * ow;
                h = oh;
                w = ow;
            }
        return macs + (long)c * classes;
    }
}

using LessData.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Tests.Training;

public sealed class WeightAverageTests
{
    private static nn.Module<Tensor, Tensor> Linear(float value)
    {
        var m = nn.Linear(3, 2);
        using var _ = torch.no_grad();
        foreach (var p in m.parameters()) p.fill_(value);
        return m;
    }

    [Theory]
    [InlineData(false, 0.9)]                 // plain decay
    [InlineData(true, 2.0 / 11.0)]           // warm-up: min(0.999, (1 + 1) / (10 + 1)) at the first update
    public void Update_MovesEachWeightTowardsTheSource_ByOneMinusTheDecay(bool warmup, double expectedDecay)
    {
        using var averaged = Linear(1f);
        using var source = Linear(3f);
        var average = new WeightAverage(averaged, warmup ? 0.999 : 0.9, warmup);

        average.Update(source);

        using var expected = torch.ones(2, 3).mul(expectedDecay).add(torch.full(2, 3, 3f), alpha: 1 - expectedDecay);
        averaged.parameters().First().data<float>().ToArray().Should().Equal(expected.data<float>().ToArray());
        average.Updates.Should().Be(1);
    }
}

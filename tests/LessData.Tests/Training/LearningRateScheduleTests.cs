using LessData.Training;

namespace LessData.Tests.Training;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void At_DecaysGeometrically_ThenHoldsTheFloor()
    {
        LearningRateSchedule.At(0, 0.001, 0.98, 1e-7).Should().Be(0.001);
        LearningRateSchedule.At(2, 0.001, 0.98, 1e-7).Should().BeApproximately(0.001 * 0.98 * 0.98, 1e-15);
        LearningRateSchedule.At(1000, 0.001, 0.98, 1e-7).Should().Be(1e-7);
    }
}

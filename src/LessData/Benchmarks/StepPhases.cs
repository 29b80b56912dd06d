namespace LessData.Benchmarks;

/// <summary>Median seconds per training step spent in each phase, measured one phase at a time.</summary>
public sealed record StepPhases(double Selection, double Batching, double Augmentation, double Forward, double Backward, double Optimizer)
{
    public double Total => Selection + Batching + Augmentation + Forward + Backward + Optimizer;

    /// <summary>Share of the step spent outside the model: selection + batching + augmentation.</summary>
    public double PipelineShare => Total > 0 ? (Selection + Batching + Augmentation) / Total : double.NaN;
}

namespace LessData.Tests;

/// <summary>
/// Tests that read process-wide state (libtorch's live-tensor count) run alone: xunit runs this collection after the
/// parallel ones, with nothing else in flight.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}

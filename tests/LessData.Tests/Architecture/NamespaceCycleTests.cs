namespace LessData.Tests.Architecture;

/// <summary>Rooms (namespaces) that use each other in a circle mean a concept sits in the wrong room.</summary>
public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData(typeof(LessData.UserError))]
    [InlineData(typeof(LessData.Cli.TrainCommand))]
    public void CompiledAssembly_HasNoNamespaceCycle(Type anyType)
    {
        var graph = NamespaceGraph.Read(anyType.Assembly.Location, "LessData");

        var cycle = NamespaceGraph.FindCycle(graph);

        graph.Should().NotBeEmpty("the assembly's own namespaces were read");
        cycle.Should().BeNull($"namespaces of {anyType.Assembly.GetName().Name} must not use each other in a circle, but {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void FindCycle_ReportsThePathOfACycle()
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string> { "C", "D" },
            ["C"] = new HashSet<string>(),
            ["D"] = new HashSet<string> { "B" },
        };

        NamespaceGraph.FindCycle(graph).Should().Equal("B", "D", "B");
    }

    [Fact]
    public void FindCycle_AcceptsADiamond()
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B", "C" },
            ["B"] = new HashSet<string> { "D" },
            ["C"] = new HashSet<string> { "D" },
        };

        NamespaceGraph.FindCycle(graph).Should().BeNull();
    }

    [Fact]
    public void Read_SeesAUseThatOnlyAMethodBodyMakes()
    {
        // This test assembly's Architecture namespace uses LessData.Cli only inside the body below (typeof → ldtoken).
        var graph = NamespaceGraph.Read(typeof(NamespaceCycleTests).Assembly.Location, "LessData");

        graph["LessData.Tests.Architecture"].Should().Contain("LessData.Cli");
        BodyOnlyUse().Should().NotBeNull();
    }

    private static object BodyOnlyUse() => typeof(LessData.Cli.TrainCommand);
}

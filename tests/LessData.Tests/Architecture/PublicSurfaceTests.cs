namespace LessData.Tests.Architecture;

/// <summary>
/// The core assembly (src/LessData) exposes what the CLI and a library user need, and nothing else (issue 18):
/// internal by default, at most <see cref="MaxPublicTypes"/> exported top-level types, each one documented.
/// </summary>
public sealed class PublicSurfaceTests
{
    /// <summary>The ceiling issue 18 set for the core's public top-level types (95 before the reduction).</summary>
    private const int MaxPublicTypes = 60;

    /// <summary>The exported top-level types of the core assembly, by full name (nested types are counted with their parent).</summary>
    internal static IReadOnlyList<string> PublicTopLevelTypes() =>
        typeof(LessData.UserError).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void CoreAssembly_ExportsAtMostSixtyTopLevelTypes()
    {
        var types = PublicTopLevelTypes();

        types.Count.Should().BeLessThanOrEqualTo(MaxPublicTypes,
            $"a core type is public only when the CLI or a library user needs it; today: {string.Join(", ", types)}");
    }

    [Fact]
    public void PublicTopLevelTypes_SeesOnlyExportedTopLevelTypes()
    {
        var types = PublicTopLevelTypes();

        types.Should().Contain("LessData.UserError", "UserError is public");
        types.Should().NotContain(t => t.Contains('+'), "nested types are counted with their parent");
        types.Should().NotContain(t => t.StartsWith("<", StringComparison.Ordinal), "compiler-generated types are not exported");
    }
}

using LessData.NativeFix;

namespace LessData.Tests.Native;

public sealed class WeakenRequirementTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lessdata-elf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Apply_SystemLacksVersion_PatchesThenReportsAlreadyWeak()
    {
        // Given a library needing 3.4.32 and a system libstdc++ that only defines 3.4.30
        var so = Write("lib.so", SyntheticElf.Build("libstdc++.so.6", "GLIBCXX_3.4.32"));
        var system = Write("libstdc++.so.6", "GLIBCXX_3.4.30\0"u8.ToArray());

        // When applied twice
        var first = WeakenRequirement.Apply(so, "GLIBCXX_3.4.32", [system]);
        var second = WeakenRequirement.Apply(so, "GLIBCXX_3.4.32", [system]);

        // Then the file is patched once and the second run changes nothing
        first.Should().Be(PatchOutcome.Patched);
        second.Should().Be(PatchOutcome.AlreadyWeak);
        ElfVersionNeeds.Read(File.ReadAllBytes(so)).Single().IsWeak.Should().BeTrue();
        Directory.GetFiles(_dir).Should().HaveCount(2, "no temporary file is left behind");
    }

    [Fact]
    public void Apply_SystemHasVersion_LeavesFileUntouched()
    {
        var original = SyntheticElf.Build("libstdc++.so.6", "GLIBCXX_3.4.32");
        var so = Write("lib.so", original);
        var system = Write("libstdc++.so.6", "GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0"u8.ToArray());

        WeakenRequirement.Apply(so, "GLIBCXX_3.4.32", [system]).Should().Be(PatchOutcome.SystemHasVersion);

        File.ReadAllBytes(so).Should().Equal(original);
    }

    [Fact]
    public void Apply_NoRequirement_LeavesFileUntouched()
    {
        var original = SyntheticElf.Build("libc.so.6", "GLIBC_2.17");
        var so = Write("lib.so", original);

        WeakenRequirement.Apply(so, "GLIBCXX_3.4.32", []).Should().Be(PatchOutcome.NotRequired);

        File.ReadAllBytes(so).Should().Equal(original);
    }

    [Fact]
    public void BuildOutputCopy_IsPatched_WhenThisSystemLacksTheVersion()
    {
        // Given the copy the build put next to this test assembly
        var copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        File.Exists(copy).Should().BeTrue();
        bool systemHas = WeakenRequirement.SystemDefines("GLIBCXX_3.4.32", WeakenRequirement.LibStdCxxCandidates);

        // Then it is weak exactly when the system needs the fix
        var need = ElfVersionNeeds.Read(File.ReadAllBytes(copy)).Single(n => n.Version == "GLIBCXX_3.4.32");
        need.IsWeak.Should().Be(!systemHas);
    }
}

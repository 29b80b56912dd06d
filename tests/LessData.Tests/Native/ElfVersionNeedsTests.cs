using LessData.NativeFix;

namespace LessData.Tests.Native;

public sealed class ElfVersionNeedsTests
{
    [Fact]
    public void MarkWeak_SyntheticElf_FlagsOnlyTheNamedEntry()
    {
        // Given an ELF that needs three libstdc++ versions
        var elf = SyntheticElf.Build("libstdc++.so.6", "GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "CXXABI_1.3");
        var before = (byte[])elf.Clone();

        // When the 3.4.32 requirement is marked weak
        int changed = ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32");

        // Then exactly that entry carries VER_FLG_WEAK and nothing else moved
        changed.Should().Be(1);
        var needs = ElfVersionNeeds.Read(elf);
        needs.Select(n => (n.Library, n.Version, n.IsWeak)).Should().Equal(
            ("libstdc++.so.6", "GLIBCXX_3.4.30", false),
            ("libstdc++.so.6", "GLIBCXX_3.4.32", true),
            ("libstdc++.so.6", "CXXABI_1.3", false));
        var differing = Enumerable.Range(0, elf.Length).Where(i => elf[i] != before[i]).ToList();
        differing.Should().Equal(needs[1].FlagsOffset);
    }

    [Fact]
    public void MarkWeak_NoSuchEntry_ChangesNothing()
    {
        // Given an ELF without the version
        var elf = SyntheticElf.Build("libstdc++.so.6", "GLIBCXX_3.4.30");
        var before = (byte[])elf.Clone();

        // When / Then
        ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32").Should().Be(0);
        elf.Should().Equal(before);
    }

    [Fact]
    public void MarkWeak_SecondTime_IsIdempotent()
    {
        var elf = SyntheticElf.Build("libstdc++.so.6", "GLIBCXX_3.4.32");
        ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32").Should().Be(1);
        var once = (byte[])elf.Clone();

        ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32").Should().Be(0);

        elf.Should().Equal(once);
    }

    [Fact]
    public void Read_NotAnElf_Throws()
    {
        var act = () => ElfVersionNeeds.Read(new byte[128]);
        act.Should().Throw<InvalidDataException>().WithMessage("*not an ELF*");
    }

    [Fact]
    public void Read_TruncatedTable_ThrowsInsteadOfReadingGarbage()
    {
        var elf = SyntheticElf.Build("libstdc++.so.6", "GLIBCXX_3.4.32");
        var act = () => ElfVersionNeeds.Read(elf[..100]);
        act.Should().Throw<InvalidDataException>().WithMessage("*past the end*");
    }

    [Fact]
    public void RealLibTorchSharp_NeedsGlibcxx3432_AndCanBeFlagged()
    {
        // Given the shipped libLibTorchSharp.so (read only: the NuGet cache is never written)
        var path = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        File.Exists(path).Should().BeTrue($"TorchSharp 0.107.0 is restored for this build ({path})");
        var bytes = File.ReadAllBytes(path);

        // When
        var target = ElfVersionNeeds.Read(bytes).Where(n => n.Version == "GLIBCXX_3.4.32").ToList();
        int changed = ElfVersionNeeds.MarkWeak(bytes, "GLIBCXX_3.4.32");

        // Then the requirement is there, on libstdc++, and becomes weak in memory
        target.Should().ContainSingle().Which.Library.Should().Be("libstdc++.so.6");
        changed.Should().Be(1);
        ElfVersionNeeds.Read(bytes).Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak.Should().BeTrue();
    }
}

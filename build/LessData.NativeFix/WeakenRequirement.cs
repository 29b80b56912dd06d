namespace LessData.NativeFix;

public enum PatchOutcome { Patched, AlreadyWeak, NotRequired, SystemHasVersion, FileMissing }

/// <summary>The whole fix as one decision: patch the build-output copy only when the system libstdc++ lacks the version.</summary>
public static class WeakenRequirement
{
    public static readonly string[] LibStdCxxCandidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    /// <summary>True when some libstdc++ on the machine defines <paramref name="version"/>; false when none does or none is found.</summary>
    public static bool SystemDefines(string version, IEnumerable<string> candidates)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        foreach (var path in candidates.Where(File.Exists))
            if (File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0) return true;
        return false;
    }

    public static PatchOutcome Apply(string soPath, string version, IEnumerable<string> libStdCxx)
    {
        if (!File.Exists(soPath)) return PatchOutcome.FileMissing;
        if (SystemDefines(version, libStdCxx)) return PatchOutcome.SystemHasVersion;
        var bytes = File.ReadAllBytes(soPath);
        var matches = ElfVersionNeeds.Read(bytes).Where(n => n.Version == version).ToList();
        if (matches.Count == 0) return PatchOutcome.NotRequired;
        if (matches.All(m => m.IsWeak)) return PatchOutcome.AlreadyWeak;
        ElfVersionNeeds.MarkWeak(bytes, version);
        var tmp = soPath + ".patching";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, soPath, overwrite: true);
        return PatchOutcome.Patched;
    }
}

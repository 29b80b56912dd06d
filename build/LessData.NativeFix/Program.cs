using LessData.NativeFix;

// usage: LessData.NativeFix <path/to/libLibTorchSharp.so> [version]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: LessData.NativeFix <path/to/libLibTorchSharp.so> [GLIBCXX_3.4.32]");
    return 2;
}
var version = args.Length == 2 ? args[1] : "GLIBCXX_3.4.32";
try
{
    var outcome = WeakenRequirement.Apply(args[0], version, WeakenRequirement.LibStdCxxCandidates);
    Console.WriteLine($"native fix: {outcome} ({version}) {args[0]}");
    return 0;
}
catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"native fix: could not patch {args[0]}: {e.Message}");
    return 1;
}

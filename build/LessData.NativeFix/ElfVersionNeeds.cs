using System.Buffers.Binary;
using System.Text;

namespace LessData.NativeFix;

/// <summary>One Elf64_Vernaux entry of the GNU version-needs table (.gnu.version_r).</summary>
public sealed record VersionNeed(string Library, string Version, int FlagsOffset, ushort Flags)
{
    public const ushort WeakFlag = 0x2; // VER_FLG_WEAK
    public bool IsWeak => (Flags & WeakFlag) != 0;
}

/// <summary>
/// Reads the version-needs table of a 64-bit little-endian ELF file and can mark one requirement weak.
/// Layouts: Elf64_Verneed = {u16 version, u16 cnt, u32 file, u32 aux, u32 next};
/// Elf64_Vernaux = {u32 hash, u16 flags, u16 other, u32 name, u32 next}; offsets are relative.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;

    public static IReadOnlyList<VersionNeed> Read(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file (bad magic)");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

        var span = elf.AsSpan();
        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        var needs = new List<VersionNeed>();
        for (int i = 0; i < shnum; i++)
        {
            int sh = Checked(elf, shoff + (ulong)(i * shentsize), 64);
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[(sh + 4)..]) != ShtGnuVerneed) continue;
            int offset = Checked(elf, BinaryPrimitives.ReadUInt64LittleEndian(span[(sh + 24)..]), 0);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(sh + 40)..]);
            int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(sh + 44)..]);
            int strtabHeader = Checked(elf, shoff + (ulong)(link * shentsize), 64);
            int strtab = Checked(elf, BinaryPrimitives.ReadUInt64LittleEndian(span[(strtabHeader + 24)..]), 0);
            ReadTable(elf, offset, count, strtab, needs);
        }
        return needs;
    }

    private static void ReadTable(byte[] elf, int verneed, int count, int strtab, List<VersionNeed> needs)
    {
        var span = elf.AsSpan();
        for (int n = 0; n < count; n++)
        {
            Checked(elf, (ulong)verneed, 16);
            int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(verneed + 2)..]);
            string file = ReadString(elf, strtab + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(verneed + 4)..]));
            int aux = verneed + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(verneed + 8)..]);
            for (int a = 0; a < auxCount; a++)
            {
                Checked(elf, (ulong)aux, 16);
                ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);
                string name = ReadString(elf, strtab + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]));
                needs.Add(new VersionNeed(file, name, aux + 4, flags));
                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
            }
            int next = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(verneed + 12)..]);
            if (next == 0) break;
            verneed += next;
        }
    }

    /// <summary>Sets VER_FLG_WEAK on every requirement named <paramref name="version"/>. Returns how many changed.</summary>
    public static int MarkWeak(byte[] elf, string version)
    {
        int changed = 0;
        foreach (var need in Read(elf).Where(n => n.Version == version && !n.IsWeak))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(need.FlagsOffset), (ushort)(need.Flags | VersionNeed.WeakFlag));
            changed++;
        }
        return changed;
    }

    private static int Checked(byte[] elf, ulong offset, int length)
    {
        if (offset + (ulong)length > (ulong)elf.Length)
            throw new InvalidDataException($"ELF structure at offset {offset} runs past the end of the file ({elf.Length} bytes)");
        return (int)offset;
    }

    private static string ReadString(byte[] elf, int offset)
    {
        Checked(elf, (ulong)offset, 1);
        int end = Array.IndexOf(elf, (byte)0, offset);
        if (end < 0) throw new InvalidDataException("unterminated string in ELF string table");
        return Encoding.ASCII.GetString(elf, offset, end - offset);
    }
}

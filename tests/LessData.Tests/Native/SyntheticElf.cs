using System.Buffers.Binary;
using System.Text;

namespace LessData.Tests.Native;

/// <summary>Builds a minimal 64-bit little-endian ELF with a .dynstr and a .gnu.version_r section, for patcher tests.</summary>
internal static class SyntheticElf
{
    /// <summary>One Verneed for <paramref name="library"/> with one Vernaux per version (flags 0).</summary>
    public static byte[] Build(string library, params string[] versions)
    {
        var strtab = new MemoryStream();
        strtab.WriteByte(0);
        int Add(string s)
        {
            int at = (int)strtab.Length;
            strtab.Write(Encoding.ASCII.GetBytes(s + "\0"));
            return at;
        }
        int fileName = Add(library);
        var names = versions.Select(Add).ToArray();
        byte[] str = strtab.ToArray();

        int strOffset = 64;
        int verneedOffset = strOffset + str.Length + (8 - str.Length % 8) % 8;
        int verneedSize = 16 + 16 * versions.Length;
        int shoff = verneedOffset + verneedSize;
        var elf = new byte[shoff + 3 * 64];
        var s = elf.AsSpan();
        s[0] = 0x7f; s[1] = (byte)'E'; s[2] = (byte)'L'; s[3] = (byte)'F'; s[4] = 2; s[5] = 1; s[6] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(s[0x28..], (ulong)shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x3C..], 3);
        str.CopyTo(s[strOffset..]);

        BinaryPrimitives.WriteUInt16LittleEndian(s[verneedOffset..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(verneedOffset + 2)..], (ushort)versions.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(verneedOffset + 4)..], (uint)fileName);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(verneedOffset + 8)..], 16);
        for (int i = 0; i < versions.Length; i++)
        {
            int aux = verneedOffset + 16 + 16 * i;
            BinaryPrimitives.WriteUInt32LittleEndian(s[(aux + 8)..], (uint)names[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(s[(aux + 12)..], i == versions.Length - 1 ? 0u : 16u);
        }

        int sh1 = shoff + 64; // .dynstr
        BinaryPrimitives.WriteUInt32LittleEndian(s[(sh1 + 4)..], 3); // SHT_STRTAB
        BinaryPrimitives.WriteUInt64LittleEndian(s[(sh1 + 24)..], (ulong)strOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(sh1 + 32)..], (ulong)str.Length);
        int sh2 = shoff + 128; // .gnu.version_r
        BinaryPrimitives.WriteUInt32LittleEndian(s[(sh2 + 4)..], 0x6ffffffe);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(sh2 + 24)..], (ulong)verneedOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(sh2 + 32)..], (ulong)verneedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(sh2 + 40)..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(sh2 + 44)..], 1);
        return elf;
    }
}

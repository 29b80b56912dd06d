using System.Reflection.Metadata;

namespace LessData.Tests.Architecture;

/// <summary>
/// Walks a method body's IL opcode by opcode (ECMA-335 III), handing back each metadata token an instruction carries.
/// Operand sizes come from the opcode table, so a token is never read from the middle of another operand.
/// </summary>
internal static class IlOperands
{
    /// <summary>Every metadata token (type, method, field, member, signature) the body's instructions carry; user strings are skipped.</summary>
    public static IEnumerable<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            int first = il.ReadByte();
            var op = first == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)first;
            switch (OperandOf(op))
            {
                case Operand.None: break;
                case Operand.Int8: il.ReadByte(); break;
                case Operand.Int16: il.ReadInt16(); break;
                case Operand.Int32: il.ReadInt32(); break;
                case Operand.Int64: il.ReadInt64(); break;
                case Operand.Token:
                    int token = il.ReadInt32();
                    if ((token >> 24) != 0x70) tokens.Add(token);
                    break;
                case Operand.Switch:
                    int targets = il.ReadInt32();
                    for (int i = 0; i < targets; i++) il.ReadInt32();
                    break;
                default: throw new InvalidOperationException($"unknown IL opcode 0x{(int)op:X}");
            }
        }
        return tokens;
    }

    private enum Operand { None, Int8, Int16, Int32, Int64, Token, Switch }

    /// <summary>The `no.` prefix (FE 19), which ILOpCode does not name.</summary>
    private const ILOpCode NoPrefix = (ILOpCode)0xFE19;

    private static Operand OperandOf(ILOpCode op) => op switch
    {
        ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
            or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned or NoPrefix => Operand.Int8,
        _ when op.IsBranch() => op.GetBranchOperandSize() == 1 ? Operand.Int8 : Operand.Int32,
        ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => Operand.Int16,
        ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 => Operand.Int32,
        ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => Operand.Int64,
        ILOpCode.Switch => Operand.Switch,
        ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli or ILOpCode.Callvirt or ILOpCode.Cpobj or ILOpCode.Ldobj or ILOpCode.Ldstr
            or ILOpCode.Newobj or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox or ILOpCode.Ldfld or ILOpCode.Ldflda
            or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld or ILOpCode.Stobj or ILOpCode.Box
            or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Unbox_any
            or ILOpCode.Refanyval or ILOpCode.Mkrefany or ILOpCode.Ldtoken or ILOpCode.Ldftn or ILOpCode.Ldvirtftn
            or ILOpCode.Initobj or ILOpCode.Constrained or ILOpCode.Sizeof => Operand.Token,
        _ => (int)op <= 0xE0 || ((int)op >= 0xFE00 && (int)op <= 0xFE1E) ? Operand.None : throw new InvalidOperationException($"unknown IL opcode 0x{(int)op:X}"),
    };
}

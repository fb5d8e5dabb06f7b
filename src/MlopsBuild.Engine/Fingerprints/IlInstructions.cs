using System.Reflection;
using System.Reflection.Emit;

namespace MlopsBuild.Engine.Fingerprints;

/// <summary>One instruction of a method body: its opcode and, for metadata operands, the token.</summary>
internal readonly record struct IlInstruction(OpCode OpCode, int? Token, ReadOnlyMemory<byte> Operand);

/// <summary>Decodes the IL byte stream of a method body into instructions.</summary>
internal static class IlInstructions
{
    static readonly OpCode[] oneByte = new OpCode[0x100];
    static readonly OpCode[] twoByte = new OpCode[0x100];

    static IlInstructions()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opCode = (OpCode)field.GetValue(null)!;
            var value = (ushort)opCode.Value;
            if (opCode.Size == 1) oneByte[value] = opCode;
            else twoByte[value & 0xff] = opCode;
        }
    }

    public static IEnumerable<IlInstruction> Read(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            var opCode = il[position] == 0xfe ? twoByte[il[++position]] : oneByte[il[position]];
            position++;
            var size = OperandSize(opCode.OperandType, il, position);
            var operand = new ReadOnlyMemory<byte>(il, position, size);
            int? token = opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType
                or OperandType.InlineTok or OperandType.InlineString or OperandType.InlineSig
                ? BitConverter.ToInt32(il, position)
                : null;
            position += size;
            yield return new IlInstruction(opCode, token, operand);
        }
    }

    static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
        _ => 4,
    };
}

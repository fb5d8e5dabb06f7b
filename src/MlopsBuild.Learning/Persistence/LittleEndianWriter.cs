using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Persistence;

/// <summary>Appends fixed-size little-endian values to a buffer: the model file's binary section.</summary>
internal sealed class LittleEndianWriter(ArrayBufferWriter<byte> buffer)
{
    public void WriteBytes(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    /// <summary>Booleans one byte each, 0 or 1.</summary>
    public void WriteBooleans(ReadOnlySpan<bool> values)
    {
        var destination = buffer.GetSpan(values.Length);
        for (var i = 0; i < values.Length; i++) destination[i] = values[i] ? (byte)1 : (byte)0;
        buffer.Advance(values.Length);
    }

    /// <summary>Numbers (int, uint, float, double) as one block, each little-endian.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        var destination = buffer.GetSpan(bytes.Length)[..bytes.Length];
        bytes.CopyTo(destination);
        if (!BitConverter.IsLittleEndian) ByteOrder.ReverseEach(destination, Unsafe.SizeOf<T>());
        buffer.Advance(bytes.Length);
    }
}

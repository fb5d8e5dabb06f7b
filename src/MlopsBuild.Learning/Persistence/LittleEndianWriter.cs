using System.Buffers;
using System.Buffers.Binary;

namespace MlopsBuild.Learning.Persistence;

/// <summary>Appends fixed-size little-endian values to a buffer: the model file's binary section.</summary>
internal sealed class LittleEndianWriter(ArrayBufferWriter<byte> buffer)
{
    public void WriteBytes(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public void WriteByte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

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

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void WriteSingle(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        foreach (var value in values) WriteInt32(value);
    }

    public void WriteUInt32s(ReadOnlySpan<uint> values)
    {
        foreach (var value in values) WriteUInt32(value);
    }

    public void WriteSingles(ReadOnlySpan<float> values)
    {
        foreach (var value in values) WriteSingle(value);
    }

    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        foreach (var value in values) WriteDouble(value);
    }

    public void WriteBooleans(ReadOnlySpan<bool> values)
    {
        foreach (var value in values) WriteByte(value ? (byte)1 : (byte)0);
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// Reads what <see cref="LittleEndianWriter"/> wrote. Every read checks the bytes that remain first, so a forged
/// length fails with the byte offset where it was read instead of allocating or reading past the end.
/// </summary>
internal ref struct LittleEndianReader
{
    readonly ReadOnlySpan<byte> data;
    readonly int fileOffset;
    int position;

    /// <param name="fileOffset">Where <paramref name="data"/> starts in the file, for error messages.</param>
    public LittleEndianReader(ReadOnlySpan<byte> data, int fileOffset)
    {
        this.data = data;
        this.fileOffset = fileOffset;
    }

    public readonly int Remaining => data.Length - position;

    /// <summary>The file offset of the next byte, as error messages name it.</summary>
    public readonly string Location => $"byte {fileOffset + position}";

    public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));

    public int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

    /// <summary>
    /// A count of <paramref name="elementSize"/>-byte values that follow: refused when negative or when they could not
    /// fit in the bytes that remain, before anything is allocated for them.
    /// </summary>
    public int ReadCount(int elementSize, string what)
    {
        var location = Location;
        var count = ReadInt32(what);
        if (count < 0) throw new InvalidModelException(location, $"{what} is {count}, a negative count");
        if ((long)count * elementSize > Remaining)
            throw new InvalidModelException(location, $"{what} is {count}, but only {Remaining} bytes remain for its {elementSize}-byte values");
        return count;
    }

    public double ReadDouble(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, what));

    /// <summary><paramref name="count"/> numbers (int, uint, float, double) written by <see cref="LittleEndianWriter.WriteArray{T}"/>.</summary>
    public T[] ReadArray<T>(int count, string what) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        var bytes = Take((long)count * size, what);
        var values = new T[count];
        var destination = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.CopyTo(destination);
        if (!BitConverter.IsLittleEndian) ByteOrder.ReverseEach(destination, size);
        return values;
    }

    /// <summary>Booleans stored one byte each; any byte but 0 or 1 is refused.</summary>
    public bool[] ReadBooleans(int count, string what)
    {
        var location = Location;
        var bytes = Take(count, what);
        var values = new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (bytes[i] > 1) throw new InvalidModelException(location, $"{what}[{i}] is {bytes[i]}, not 0 or 1");
            values[i] = bytes[i] == 1;
        }
        return values;
    }

    /// <summary>Fails unless every byte has been read.</summary>
    public readonly void ExpectEnd(string section)
    {
        if (Remaining != 0) throw new InvalidModelException(Location, $"{Remaining} unexpected bytes after the {section}");
    }

    ReadOnlySpan<byte> Take(long size, string what)
    {
        if (size > Remaining)
            throw new InvalidModelException(Location, $"{what} needs {size} bytes, but only {Remaining} remain");
        var bytes = data.Slice(position, (int)size);
        position += (int)size;
        return bytes;
    }
}

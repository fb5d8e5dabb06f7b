namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>
/// Sorts floats ascending by three 11-bit counting passes over order-preserving integer keys: several times faster
/// than a comparison sort on the binning sample of 200,000 values per feature. NaN must not be among them. −0 comes
/// before +0, which a comparison sort may order either way; they compare equal, so the bins made from them are the same.
/// </summary>
internal static class FloatRadixSort
{
    const int DigitBits = 11;
    const int Buckets = 1 << DigitBits;

    public static void Sort(Span<float> values)
    {
        var keys = new uint[values.Length];
        var scratch = new uint[values.Length];
        for (var i = 0; i < values.Length; i++) keys[i] = Key(values[i]);
        var counts = new int[Buckets];
        for (var shift = 0; shift < 32; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var key in keys) counts[(int)(key >> shift) & (Buckets - 1)]++;
            var offset = 0;
            for (var b = 0; b < Buckets; b++) (counts[b], offset) = (offset, offset + counts[b]);
            foreach (var key in keys) scratch[counts[(int)(key >> shift) & (Buckets - 1)]++] = key;
            (keys, scratch) = (scratch, keys);
        }
        for (var i = 0; i < values.Length; i++) values[i] = Value(keys[i]);
    }

    /// <summary>Flips a negative float's bits and sets a positive one's sign bit, so unsigned order is float order.</summary>
    static uint Key(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000) != 0 ? ~bits : bits | 0x8000_0000;
    }

    static float Value(uint key) => BitConverter.UInt32BitsToSingle((key & 0x8000_0000) != 0 ? key & 0x7FFF_FFFF : ~key);
}

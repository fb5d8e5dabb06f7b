using System.Runtime.Intrinsics;

namespace MlopsBuild.Learning.Trees;

/// <summary>
/// Feature values as integers in the same order, so that scoring compares integers (which the processor does sooner
/// than floats): key(a) ≤ key(b) exactly when a ≤ b for any two numbers, −0 and +0 included (both key 0). A missing
/// value (NaN) keys <see cref="Missing"/>, above every number's, or <see cref="MissingGoingLeft"/>, below every
/// number's, where it must go left at every threshold.
/// </summary>
internal static class OrderedKey
{
    public const int Missing = int.MaxValue;

    /// <summary>Below every number's key (−∞'s is 0x807FFFFF), so "key ≤ threshold" holds at every threshold.</summary>
    public const int MissingGoingLeft = int.MinValue;

    public static int Of(float value)
    {
        if (float.IsNaN(value)) return Missing;
        // + 0 turns −0 into +0. A negative float's bits, as an int, grow with its magnitude: flipping all but the
        // sign bit reverses that, so keys of negative numbers are negative and ordered like the numbers.
        var bits = BitConverter.SingleToInt32Bits(value + 0f);
        return bits ^ ((bits >> 31) & int.MaxValue);
    }

    /// <summary>Eight values' keys at once, each as <see cref="Of(float)"/> gives it; <paramref name="missing"/> is all ones in the lanes of NaNs.</summary>
    public static Vector256<int> Of(Vector256<float> values, out Vector256<int> missing)
    {
        missing = ~Vector256.Equals(values, values).AsInt32();
        var bits = (values + Vector256<float>.Zero).AsInt32();
        var keys = bits ^ (Vector256.ShiftRightArithmetic(bits, 31) & Vector256.Create(int.MaxValue));
        return Vector256.ConditionalSelect(missing, Vector256.Create(Missing), keys);
    }

    /// <summary>The key a node whose missing values go left reads: <see cref="MissingGoingLeft"/> for a missing value.</summary>
    public static int GoingLeft(int key) => key == Missing ? MissingGoingLeft : key;

    /// <summary>The value a key stands for (a NaN for <see cref="Missing"/> and <see cref="MissingGoingLeft"/>).</summary>
    public static float ValueOf(int key) => BitConverter.Int32BitsToSingle(key ^ ((key >> 31) & int.MaxValue));
}

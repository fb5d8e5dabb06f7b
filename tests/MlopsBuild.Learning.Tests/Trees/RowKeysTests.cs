using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>A row's keys, written eight at a time and one at a time for the rest, are <see cref="OrderedKey.Of"/>'s.</summary>
public class RowKeysTests
{
    [Fact]
    public void Keys_are_each_values_ordered_key_and_a_missing_value_keys_below_every_number_in_the_second_copy()
    {
        float[] values =
        [
            float.NaN, float.NegativeInfinity, float.MinValue, -1f, -float.Epsilon, -0f, 0f, float.Epsilon, 0.5f,
            float.MaxValue, float.PositiveInfinity, BitConverter.Int32BitsToSingle(-1), BitConverter.Int32BitsToSingle(0x7FC00001),
        ];
        var numbers = new Problems.Numbers(5);
        for (var length = 0; length <= 27; length++)
        {
            var row = Enumerable.Range(0, length).Select(_ => values[numbers.Below(values.Length)]).ToArray();
            var keys = new int[RowKeys.Size(length)];

            RowKeys.Write(row, keys);

            for (var f = 0; f < length; f++)
            {
                var key = OrderedKey.Of(row[f]);
                Assert.Equal(key, keys[RowKeys.KeyOffset(f, false, length)]);
                Assert.Equal(float.IsNaN(row[f]) ? OrderedKey.MissingGoingLeft : key, keys[RowKeys.KeyOffset(f, true, length)]);
            }
        }
    }
}

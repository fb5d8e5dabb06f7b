using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Tests.Statistics;

public sealed class QuantileSketchTests
{
    static QuantileSketch Sketch(IEnumerable<double> values)
    {
        var sketch = new QuantileSketch();
        foreach (var value in values) sketch.Add(value, 1);
        return sketch;
    }

    [Fact]
    public void Every_value_is_within_the_relative_accuracy_of_its_bucket_representative()
    {
        double[] values = [1, 1.015625, 1.0156249, 3, -7.25, 1e-300, 6.02e23, -1e300, double.MaxValue, 2.3e-308];

        foreach (var value in values)
        {
            var (representative, _) = Assert.Single(Sketch([value]).Ascending());
            Assert.True(Math.Abs(representative - value) <= QuantileSketch.RelativeAccuracy * Math.Abs(value) * (1 + 1e-12), $"{value} -> {representative}");
        }
    }

    [Fact]
    public void Zero_negative_and_positive_values_come_out_in_ascending_order()
    {
        var buckets = Sketch([5, -5, 0, -0.5, 0, 0.5]).Ascending().ToList();

        Assert.Equal(5, buckets.Count);
        Assert.Equal(buckets.OrderBy(bucket => bucket.Value), buckets);
        Assert.Equal((0.0, 2L), buckets[2]);
    }

    [Fact]
    public void A_range_wider_than_the_store_keeps_memory_bounded_and_the_largest_values_accurate()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 200_000).Select(_ => Math.Pow(10, random.NextDouble() * 600 - 300)).ToArray();
        var sketch = Sketch(values);

        var buckets = sketch.Ascending().ToList();
        Assert.True(buckets.Count <= BucketStore.MaxBuckets, $"{buckets.Count} buckets");
        Assert.Equal(values.Length, buckets.Sum(bucket => bucket.Count));
        var largest = values.Max();
        Assert.True(Math.Abs(buckets[^1].Value - largest) <= QuantileSketch.RelativeAccuracy * largest);
    }

    [Fact]
    public void Folding_the_lowest_buckets_does_not_depend_on_order_or_merging()
    {
        var random = new Random(12);
        var values = Enumerable.Range(0, 50_000).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.NextDouble() * 400 - 200)).ToArray();

        var single = Sketch(values).Ascending().ToList();
        var shuffled = Sketch(RandomSamples.Shuffled(values, seed: 13)).Ascending().ToList();
        var merged = new QuantileSketch();
        foreach (var chunk in values.Chunk(7_000)) merged.Merge(Sketch(chunk));

        Assert.Equal(single, shuffled);
        Assert.Equal(single, merged.Ascending().ToList());
    }
}

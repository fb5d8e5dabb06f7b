using MlopsBuild.Learning.Trees.Boosting;

namespace MlopsBuild.Learning.Tests.Trees;

public class FeatureGroupsTests
{
    [Theory]
    [InlineData(28, 1, new[] { 0, 4, 8, 12, 16, 20, 24, 28 })]
    [InlineData(28, 2, new[] { 0, 4, 8, 12, 14, 16, 20, 24, 28 })] // each thread's run of four groups holds 14 features
    [InlineData(10, 2, new[] { 0, 4, 6, 8, 10 })]
    [InlineData(3, 2, new[] { 0, 3 })] // no group of four to split
    [InlineData(8, 4, new[] { 0, 2, 4, 6, 8 })]
    public void Features_are_grouped_by_four_with_the_middle_groups_split_until_the_threads_share_them_evenly(int features, int threads, int[] bounds) =>
        Assert.Equal(bounds, FeatureGroups.Bounds(features, threads));
}

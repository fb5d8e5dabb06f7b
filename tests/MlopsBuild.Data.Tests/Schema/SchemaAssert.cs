using MlopsBuild.Data.Schema;

namespace MlopsBuild.Data.Tests.Schema;

/// <summary>Compares schemas by value: records compare their lists by reference, so the lists are compared apart.</summary>
internal static class SchemaAssert
{
    public static void Equal(DatasetSchema expected, DatasetSchema actual)
    {
        Assert.Equal(expected with { Columns = Array.Empty<ColumnSchema>() }, actual with { Columns = Array.Empty<ColumnSchema>() });
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        foreach (var (expectedColumn, actualColumn) in expected.Columns.Zip(actual.Columns))
        {
            Assert.Equal(expectedColumn with { AllowedValues = null }, actualColumn with { AllowedValues = null });
            Assert.Equal(expectedColumn.AllowedValues, actualColumn.AllowedValues);
        }
    }
}

using System.Text;
using MlopsBuild.Data.Reading;

namespace MlopsBuild.Data.Tests.Reading;

/// <summary>A temporary folder of data files for one test class, deleted afterwards.</summary>
public sealed class ReadingFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("mlops-reading-").FullName;

    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>Every row of the file as text, null for a missing value, with the line where the row starts.</summary>
    public static List<(long Line, string?[] Fields)> ReadAll(string path, TableReadOptions? options = null)
    {
        using var reader = TableReader.Open(path, options);
        return ReadAll(reader);
    }

    /// <summary>
    /// Takes each batch's rows only after reading the next batch, as validation does: a batch must stay intact until the
    /// second read after it.
    /// </summary>
    public static List<(long Line, string?[] Fields)> ReadAll(ITableReader reader)
    {
        var rows = new List<(long, string?[])>();
        var batch = reader.ReadBatch();
        while (batch is not null)
        {
            var next = reader.ReadBatch();
            Assert.Equal(rows.Count + 1, batch.FirstRow);
            for (int row = 0; row < batch.Count; row++)
            {
                var fields = new string?[reader.Columns.Count];
                for (int column = 0; column < fields.Length; column++)
                    fields[column] = batch.IsMissing(row, column) ? null : batch.Field(row, column).ToString();
                rows.Add((batch.Line(row), fields));
            }
            batch = next;
        }
        Assert.Null(reader.ReadBatch());
        return rows;
    }

    public static string?[][] Fields(List<(long Line, string?[] Fields)> rows) => rows.Select(r => r.Fields).ToArray();
}

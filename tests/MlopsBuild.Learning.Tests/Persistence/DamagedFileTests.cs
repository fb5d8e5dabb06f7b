using MlopsBuild.Learning.Persistence;

namespace MlopsBuild.Learning.Tests.Persistence;

/// <summary>Truncation and bit flips anywhere in a file give a <see cref="ModelFormatException"/>, and nothing else.</summary>
public sealed class DamagedFileTests
{
    public static TheoryData<string> Models() => new("trees", "linear");

    static byte[] FileOf(string model) => ModelFile.ToBytes(model == "trees" ? SmallModels.Trees() : SmallModels.Linear());

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_truncation_is_refused(string model)
    {
        var file = FileOf(model);
        for (var length = 0; length < file.Length; length++)
        {
            var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(file.AsSpan(0, length), "cut.mlmodel"));
            Assert.Contains(length < 46 ? "too short for a model file (truncated)" : "checksum mismatch", error.Problem);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_flipped_bit_is_refused(string model)
    {
        var file = FileOf(model);
        for (var position = 0; position < file.Length; position++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var damaged = (byte[])file.Clone();
                damaged[position] ^= (byte)(1 << bit);
                var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(damaged, "flipped.mlmodel"));
                var expected = position switch
                {
                    < 8 => "not an MlopsBuild model file",
                    < 10 => "format version",
                    _ => "checksum mismatch",
                };
                Assert.Contains(expected, error.Problem);
            }
        }
    }

    [Fact]
    public void Appended_bytes_are_refused()
    {
        var file = FileOf("trees");

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes([.. file, 0], "longer.mlmodel"));

        Assert.Contains("checksum mismatch", error.Problem);
    }

    [Fact]
    public void A_file_of_another_kind_is_named_as_such()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes("{\"columns\": []}"u8, "schema.json"));

        Assert.Equal("schema.json: byte 0: not an MlopsBuild model file: it does not start with \"MLOPSMDL\". " +
            "Check the path: it should name a model file written by MlopsBuild.", error.Message);
    }

    [Fact]
    public void A_newer_format_version_names_both_versions()
    {
        var file = FileOf("trees");
        file[8] = 2;

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(file, "future.mlmodel"));

        Assert.Equal("future.mlmodel: byte 8: format version 2 is newer than this MlopsBuild reads (version 1). " +
            "Upgrade MlopsBuild to load it, or retrain the model with this version.", error.Message);
    }

    [Fact]
    public void Version_zero_is_refused()
    {
        var file = FileOf("trees");
        file[8] = 0;

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(file));

        Assert.Contains("format version 0 is not a version MlopsBuild ever wrote", error.Problem);
    }

    [Fact]
    public void The_header_reader_refuses_damage_too()
    {
        var file = FileOf("linear");
        file[^1] ^= 1;

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.ReadInfo(file, "info.mlmodel"));

        Assert.Contains("checksum mismatch", error.Problem);
    }
}

using System.Buffers;
using System.Security.Cryptography;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// The model file's outer layout: the magic "MLOPSMDL", the format version (u16), the header's length (i32) and the
/// header (UTF-8 JSON), the binary predictor section, then the SHA-256 of every byte before it. All integers are
/// little-endian. The checksum is verified before anything else is parsed, so damage anywhere is caught whole.
/// </summary>
internal static class ModelEnvelope
{
    /// <summary>Bumped by any change to the layout; a reader refuses versions it does not know.</summary>
    public const ushort FormatVersion = 1;

    static ReadOnlySpan<byte> Magic => "MLOPSMDL"u8;
    const int VersionOffset = 8;
    const int HeaderLengthOffset = 10;
    const int HeaderOffset = 14;
    const int ChecksumSize = 32;

    public static byte[] Write(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        var buffer = new ArrayBufferWriter<byte>(HeaderOffset + header.Length + body.Length + ChecksumSize);
        var writer = new LittleEndianWriter(buffer);
        writer.WriteBytes(Magic);
        writer.WriteUInt16(FormatVersion);
        writer.WriteInt32(header.Length);
        writer.WriteBytes(header);
        writer.WriteBytes(body);
        writer.WriteBytes(SHA256.HashData(buffer.WrittenSpan));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Checks the magic, the version and the checksum, then gives the header and the binary section (which starts at
    /// file offset <paramref name="bodyOffset"/>).
    /// </summary>
    public static void Open(ReadOnlySpan<byte> file, out ReadOnlySpan<byte> header, out ReadOnlySpan<byte> body, out int bodyOffset)
    {
        if (!file.StartsWith(Magic[..Math.Min(file.Length, Magic.Length)]))
            throw new InvalidModelException("byte 0", "not an MlopsBuild model file: it does not start with \"MLOPSMDL\"",
                "Check the path: it should name a model file written by MlopsBuild.");
        if (file.Length < HeaderOffset + ChecksumSize)
            throw new InvalidModelException($"byte {file.Length}", $"the file ends after {file.Length} bytes, too short for a model file (truncated)");
        var version = new LittleEndianReader(file[VersionOffset..HeaderLengthOffset], VersionOffset).ReadUInt16("format version");
        if (version > FormatVersion)
            throw new InvalidModelException($"byte {VersionOffset}", $"format version {version} is newer than this MlopsBuild reads (version {FormatVersion})",
                "Upgrade MlopsBuild to load it, or retrain the model with this version.");
        if (version != FormatVersion)
            throw new InvalidModelException($"byte {VersionOffset}", $"format version {version} is not a version MlopsBuild ever wrote (this build reads version {FormatVersion})");

        var checksumOffset = file.Length - ChecksumSize;
        if (!SHA256.HashData(file[..checksumOffset]).AsSpan().SequenceEqual(file[checksumOffset..]))
            throw new InvalidModelException($"byte {checksumOffset}",
                "checksum mismatch: the file was truncated, damaged or changed after it was written");

        var lengthReader = new LittleEndianReader(file[HeaderLengthOffset..checksumOffset], HeaderLengthOffset);
        var headerLength = lengthReader.ReadCount(1, "header length");
        header = file.Slice(HeaderOffset, headerLength);
        bodyOffset = HeaderOffset + headerLength;
        body = file[bodyOffset..checksumOffset];
    }
}

using System.Text;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Turns fields' UTF-8 bytes into characters for code that works on text (categories, patterns, dates), into one
/// buffer it reuses: each result is valid until the next call. One per thread.
/// </summary>
public sealed class FieldDecoder
{
    private char[] _chars = new char[256];

    public ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes characters.
        if (_chars.Length < utf8.Length) _chars = new char[Math.Max(utf8.Length, 2 * _chars.Length)];
        return _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
    }
}

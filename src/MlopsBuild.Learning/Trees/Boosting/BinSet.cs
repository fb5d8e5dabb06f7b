namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>A set of bins (0 … 255) of one categorical feature: the ones a split sends left.</summary>
internal struct BinSet
{
    ulong word0, word1, word2, word3;

    public readonly bool Contains(int bin) => ((bin >> 6) switch { 0 => word0, 1 => word1, 2 => word2, _ => word3 } >> (bin & 63) & 1) != 0;

    public void Add(int bin)
    {
        var bit = 1UL << (bin & 63);
        switch (bin >> 6)
        {
            case 0: word0 |= bit; break;
            case 1: word1 |= bit; break;
            case 2: word2 |= bit; break;
            default: word3 |= bit; break;
        }
    }
}

namespace MlopsBuild.Data.Samples;

/// <summary>
/// The applicant population of the sample data: each attribute drawn given the ones before it, so they correlate
/// as in real loan books (older → longer employed → higher income → more often owners, better scores...).
/// </summary>
internal static class LoanApplicantSampler
{
    static readonly (string, double)[] Regions = [("north", 0.22), ("south", 0.24), ("east", 0.20), ("west", 0.20), ("central", 0.14)];
    static readonly (int, double)[] ShortTerms = [(12, 0.45), (24, 0.35), (36, 0.15), (60, 0.05)];
    static readonly (int, double)[] MediumTerms = [(12, 0.15), (24, 0.30), (36, 0.40), (60, 0.15)];
    static readonly (int, double)[] LongTerms = [(12, 0.03), (24, 0.12), (36, 0.45), (60, 0.40)];

    public static LoanApplicant Draw(Xoshiro256StarStar random)
    {
        var age = (int)Math.Round(random.TruncatedNormal(40, 13, 18, 85));
        var region = random.Choice(Regions);
        var employmentYears = Math.Round(Math.Min(age - 18, random.Exponential(1.5 + 0.22 * (age - 18))), 1);

        var logIncome = Math.Log(40_000) + RegionIncomeShift(region) + 0.35 * Math.Tanh((age - 25) / 12.0)
            + 0.015 * Math.Min(employmentYears, 20) + random.Normal(0, 0.5);
        var income = Math.Round(Math.Exp(logIncome), 2);
        var relativeIncome = Math.Log(income / 45_000);

        var homeOwnership = random.Choice<string>(
        [
            ("rent", 1.0),
            ("mortgage", Math.Exp(-1.4 + 1.3 * relativeIncome + 0.05 * Math.Min(age - 18, 30))),
            ("own", Math.Exp(-3.4 + 0.07 * (age - 18))),
        ]);
        var purpose = random.Choice<string>(
        [
            ("debt_consolidation", 0.38),
            ("home_improvement", homeOwnership == "rent" ? 0.03 : 0.22),
            ("car", 0.17),
            ("education", age < 30 ? 0.15 : 0.04),
            ("business", 0.07),
            ("other", 0.13),
        ]);

        var loanShareOfIncome = random.LogNormal(Math.Log(0.22 * PurposeSize(purpose)), 0.5);
        var loanAmount = Math.Round(Math.Clamp(income * loanShareOfIncome, 1_000, 75_000) / 50) * 50;
        var termMonths = random.Choice(loanAmount < 5_000 ? ShortTerms : loanAmount < 15_000 ? MediumTerms : LongTerms);

        var creditScore = (int)Math.Round(random.TruncatedNormal(
            650 + 35 * relativeIncome + 1.8 * Math.Min(age - 18, 25) + 2.0 * Math.Min(employmentYears, 10) - (homeOwnership == "rent" ? 15 : 0),
            70, 300, 850));

        var otherDebtToIncome = random.TruncatedNormal(0.17 + (purpose == "debt_consolidation" ? 0.07 : 0) - 0.0005 * (creditScore - 650), 0.09, 0, 0.9);
        var debtToIncome = Math.Round(otherDebtToIncome + 12 * loanAmount / termMonths / income, 3);

        var hasCosigner = random.Bernoulli(Sampling.Logistic(-2.6 + (age < 25 ? 0.9 : 0) + 0.008 * (620 - creditScore)));

        return new LoanApplicant(age, income, employmentYears, homeOwnership, region, purpose, loanAmount, termMonths, creditScore, debtToIncome, hasCosigner);
    }

    static double RegionIncomeShift(string region) => region switch
    {
        "west" => 0.10,
        "south" => -0.08,
        "central" => -0.04,
        _ => 0,
    };

    // Typical loan size, relative to income, by purpose.
    static double PurposeSize(string purpose) => purpose switch
    {
        "business" => 1.6,
        "home_improvement" => 1.3,
        "car" => 0.9,
        "education" => 0.8,
        "other" => 0.6,
        _ => 1.0,
    };
}

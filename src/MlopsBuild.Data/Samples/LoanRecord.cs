namespace MlopsBuild.Data.Samples;

/// <summary>
/// One row of the sample data: the applicant, which of their values the CSV leaves empty, and the drawn outcome.
/// </summary>
public sealed record LoanRecord(
    string CustomerId,
    DateOnly ApplicationDate,
    LoanApplicant Applicant,
    bool IncomeMissing,
    bool EmploymentYearsMissing,
    bool DebtToIncomeMissing,
    bool Defaulted);

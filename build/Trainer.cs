/// <summary>The learning algorithm Train fits.</summary>
enum Trainer
{
    /// <summary>Histogram gradient-boosted trees.</summary>
    Gbdt,
    /// <summary>Logistic or linear regression with L2, fitted by L-BFGS.</summary>
    Linear,
}

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Turns a pair's score into a 0–1 confidence from two things a reviewer would weigh: how strong the
/// evidence is on its own, and how clearly it beats the best alternative that was NOT linked.
/// </summary>
internal static class ConfidenceModel
{
    /// <summary>Score at which the evidence alone gives 0.5.</summary>
    private const double Midpoint = 0.30;

    /// <summary>Width of the logistic ramp: 0.30 → 0.5, 0.40 → 0.88, 0.50 → 0.98.</summary>
    private const double Spread = 0.05;

    /// <summary>A lead of this much over the best unlinked alternative removes all doubt from ambiguity.</summary>
    private const double ClearLead = 0.12;

    public static double Of(double score, double bestUnlinkedAlternative)
    {
        var strength = 1 / (1 + Math.Exp(-(score - Midpoint) / Spread));

        // Two near-equal candidates mean the text does not decide between them: halve at worst.
        var lead = Math.Clamp((score - bestUnlinkedAlternative) / ClearLead, 0, 1);
        return Math.Round(strength * (0.5 + (0.5 * lead)), 3);
    }
}

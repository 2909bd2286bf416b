namespace Puente.Domain.Protection.Cases;

/// <summary>The foreign ministry's protection guide's categories.</summary>
public enum CaseCategory
{
    Criminal,
    Migration,
    Civil,
    Labour,
    HumanRights,
    Administrative,
}

/// <summary>Critical: detention with imminent removal, a death, a child alone.</summary>
public enum CaseUrgency
{
    Critical,
    High,
    Normal,
}

/// <summary>The subtypes offered per category; a case's subtype must belong to its category.</summary>
public static class CaseSubtypes
{
    public static readonly IReadOnlyDictionary<CaseCategory, IReadOnlyList<string>> ByCategory = new Dictionary<CaseCategory, IReadOnlyList<string>>
    {
        [CaseCategory.Criminal] = ["detention", "death-penalty", "victim-of-crime", "trial-monitoring"],
        [CaseCategory.Migration] = ["imminent-removal", "immigration-detention", "asylum", "family-separation"],
        [CaseCategory.Civil] = ["child-custody", "missing-person", "repatriation-of-remains", "estate"],
        [CaseCategory.Labour] = ["unpaid-wages", "workplace-injury", "labour-trafficking"],
        [CaseCategory.HumanRights] = ["abuse-by-authority", "discrimination", "conditions-of-detention"],
        [CaseCategory.Administrative] = ["documents", "benefits", "property-return"],
    };

    public static bool Belongs(CaseCategory category, string subtype) =>
        ByCategory.TryGetValue(category, out var subtypes) && subtypes.Contains(subtype, StringComparer.Ordinal);
}

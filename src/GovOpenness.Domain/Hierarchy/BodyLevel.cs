namespace GovOpenness.Domain.Hierarchy;

/// <summary>The level of an administrative body, top down.</summary>
public enum BodyLevel
{
    /// <summary>The State Council (国务院), id "cn".</summary>
    Nation = 0,

    /// <summary>省级: 2-digit code.</summary>
    Province = 1,

    /// <summary>地级: 4-digit code.</summary>
    Prefecture = 2,

    /// <summary>县级: 6-digit code.</summary>
    County = 3,

    /// <summary>乡级: 9-digit code.</summary>
    Township = 4,

    /// <summary>村级: 12-digit code.</summary>
    Village = 5,

    /// <summary>A department of a government (厅/局), id "{division code}.{ascii key}".</summary>
    Department = 6,
}
